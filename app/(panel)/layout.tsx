import { Sidebar } from "@/components/panel/sidebar";
import { requirePageStaff } from "@/lib/auth/page-session";

export const dynamic = "force-dynamic";

export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  const staff = await requirePageStaff();
  return (
    <div className="flex min-h-screen">
      <Sidebar staff={{ name: staff.name, email: staff.email, role: staff.role }} />
      <main className="flex-1 p-6">{children}</main>
    </div>
  );
}
