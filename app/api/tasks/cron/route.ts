// POST /api/tasks/cron - run the jobs that are due (API key with the cron permission)
import { runDueJobs } from "@/lib/cron";
import { apiKeyRoute, methodNotAllowed } from "@/lib/http/api-key-route";
import { prefersJson, textResponse } from "@/lib/intake/respond";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const POST = apiKeyRoute({ permission: "executeCron", what: "run cron" }, async ({ req, db, key }) => {
  const jobs = await runDueJobs(db, `tasks-cron:${key.prefix}`);
  if (!prefersJson(req)) return textResponse(200, "Completed");
  return Response.json({ status: 200, message: "Completed", data: { jobs } });
});
export const GET = methodNotAllowed(["POST"]);
