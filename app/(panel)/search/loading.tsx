import { LoadingState } from "@/components/ui/states";

export default function SearchLoading() {
  return <LoadingState label="Searching…" />;
}
