import { LoadingState } from "@/components/ui/states";

export default function TicketLoading() {
  return <LoadingState label="Loading the ticket…" />;
}
