import { LoadingState } from "@/components/ui/states";

export default function QueueEditorLoading() {
  return <LoadingState label="Loading the queue…" />;
}
