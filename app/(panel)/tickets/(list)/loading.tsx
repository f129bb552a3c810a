import { LoadingState } from "@/components/ui/states";

export default function TicketsLoading() {
  return <LoadingState label="Loading tickets…" />;
}
