import { LoadingState } from "@/components/ui/states";

export default function NewTicketLoading() {
  return <LoadingState label="Loading…" />;
}
