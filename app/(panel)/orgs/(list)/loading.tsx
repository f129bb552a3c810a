import { LoadingState } from "@/components/ui/states";

export default function OrgsLoading() {
  return <LoadingState label="Loading organizations…" />;
}
