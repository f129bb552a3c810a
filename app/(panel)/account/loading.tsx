import { LoadingState } from "@/components/ui/states";

export default function AccountLoading() {
  return <LoadingState label="Loading your settings…" />;
}
