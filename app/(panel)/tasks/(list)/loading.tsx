import { LoadingState } from "@/components/ui/states";

export default function TasksLoading() {
  return <LoadingState label="Loading tasks…" />;
}
