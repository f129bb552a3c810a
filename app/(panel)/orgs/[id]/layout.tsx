// Checks that the organization exists within the caller's scope before anything streams, so a
// missing one answers a real 404 status (the page itself renders under loading.tsx).
import { loadOrg } from "./load";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await loadOrg(await params);
  return children;
}
