import { LoadingState } from "@/components/ui/states";

export default function TaskLoading() {
  return <LoadingState label="Loading the task…" />;
}
