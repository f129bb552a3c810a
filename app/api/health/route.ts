// GET /api/health - database reachability, driver and migration level (503 when unhealthy)
import { checkHealth } from "@/lib/system/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
