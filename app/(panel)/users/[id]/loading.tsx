import { LoadingState } from "@/components/ui/states";

export default function UserLoading() {
  return <LoadingState label="Loading the user…" />;
}
