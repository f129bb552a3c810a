// Checks that the task exists within the caller's scope before anything streams, so a
// missing one answers a real 404 status (the page itself renders under loading.tsx).
import { loadTask } from "./load";

export default async function TaskLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await loadTask(await params);
  return children;
}
