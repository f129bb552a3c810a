// GET /api/staff/status - which optional services are configured (drives the panel banners)
import { featureStatuses } from "@/lib/config/features";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, () => ok({ services: featureStatuses() }));
