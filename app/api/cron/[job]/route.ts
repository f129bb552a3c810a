// GET /api/cron/[job] - run one job for Vercel Cron (Authorization: Bearer $CRON_SECRET)
import { runJob } from "@/lib/cron";
import { ok } from "@/lib/http/envelope";
import { cronRoute } from "@/lib/http/cron-route";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const GET = cronRoute(async ({ db, params }) => {
  const result = await runJob(db, String(params.job), "vercel-cron");
  return ok(result, { status: result.outcome === "failed" ? 500 : 200, message: result.outcome });
});
