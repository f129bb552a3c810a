// GET /api/staff/status - which optional services are configured (drives the panel banners)
import { featureStatuses } from "@/lib/config/features";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

export async function GET() {
  return ok({ services: featureStatuses() });
}
