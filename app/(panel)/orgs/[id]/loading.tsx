import { LoadingState } from "@/components/ui/states";

export default function OrgLoading() {
  return <LoadingState label="Loading the organization…" />;
}
