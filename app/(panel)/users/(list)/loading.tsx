import { LoadingState } from "@/components/ui/states";

export default function UsersLoading() {
  return <LoadingState label="Loading users…" />;
}
