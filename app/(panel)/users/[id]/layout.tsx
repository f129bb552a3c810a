// Checks that the user exists within the caller's scope before anything streams, so a
// missing one answers a real 404 status (the page itself renders under loading.tsx).
import { loadUser } from "./load";

export default async function UserLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await loadUser(await params);
  return children;
}
