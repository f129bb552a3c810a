import { headers } from "next/headers";
import { adminLinks } from "@/components/admin/admin-links";
import { PANEL_PATH_HEADER } from "@/lib/auth/cookie";
import { requirePagePermission } from "@/lib/auth/page-guard";

export const dynamic = "force-dynamic";

// The admin area: staff without the permission of the page asked for get the 404 page. Checked
// here, before anything streams, so the answer's status is a real 404; each page checks again
// (client-side navigation between admin pages does not re-render this layout).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const path = ((await headers()).get(PANEL_PATH_HEADER) ?? "").split("?")[0];
  const link = adminLinks.find((l) => path === l.href || path.startsWith(`${l.href}/`));
  await requirePagePermission(...(link ? [link.permission] : (["staff.manage", "settings.manage", "canned.manage"] as const)));
  return children;
}
