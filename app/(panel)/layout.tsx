import { QueryProvider } from "@/components/panel/query-provider";
import { ServiceBanners } from "@/components/panel/service-banners";
import { Sidebar } from "@/components/panel/sidebar";
import { TopBar } from "@/components/panel/top-bar";
import { requirePageStaff } from "@/lib/auth/page-session";
import { featureStatuses } from "@/lib/config/features";

export const dynamic = "force-dynamic";

const BANNERED = new Set(["smtp", "gemini", "twilio", "algolia"]);

export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  const staff = await requirePageStaff();
  const missing = featureStatuses()
    .filter((f) => BANNERED.has(f.feature) && !f.configured)
    .map(({ feature, label, hint }) => ({ feature, label, hint }));
  return (
    <QueryProvider>
      <div className="flex min-h-screen">
        <Sidebar staff={{ name: staff.name, email: staff.email, role: staff.role }} />
        <div className="flex min-w-0 flex-1 flex-col">
          <ServiceBanners services={missing} />
          <TopBar staff={{ name: staff.name, timezone: staff.timezone }} />
          <main id="main" className="flex-1 p-4 lg:p-6">
            {children}
          </main>
        </div>
      </div>
    </QueryProvider>
  );
}
