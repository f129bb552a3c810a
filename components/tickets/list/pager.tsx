// Cursor paging: where we are ("26–50 of 1,000+"), previous and next.
import { Button } from "@/components/ui/button";

export function formatTotal(total: number, exact: boolean): string {
  return `${total.toLocaleString("en-US")}${exact ? "" : "+"}`;
}

export function Pager({ page, size, shown, total, exact, hasNext, onPrev, onNext }: {
  page: number;
  size: number;
  shown: number;
  total: number;
  exact: boolean;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
}) {
  const from = shown ? page * size + 1 : 0;
  return (
    <nav aria-label="Pages" className="mt-2 flex items-center justify-between gap-3 text-sm text-slate-600">
      <span data-testid="page-range">
        {from}–{page * size + shown} of {formatTotal(total, exact)}
      </span>
      <div className="flex gap-2">
        <Button size="sm" onClick={onPrev} disabled={page === 0}>
          ← Previous
        </Button>
        <Button size="sm" onClick={onNext} disabled={!hasNext}>
          Next →
        </Button>
      </div>
    </nav>
  );
}
