// Keyset paging links for the directory lists: "Next" carries the list's nextCursor in the URL
// (with the other parameters kept), "First page" drops it.
import Link from "@/components/ui/link";

function href(path: string, params: Record<string, string | string[] | undefined>, cursorParam: string, cursor: string | null) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === cursorParam || v === undefined || v === "") continue;
    (Array.isArray(v) ? v : [v]).forEach((x) => q.append(k, x));
  }
  if (cursor) q.set(cursorParam, cursor);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function Pager({
  path,
  params,
  nextCursor,
  cursorParam = "cursor",
  shown,
  total,
  noun,
}: {
  path: string;
  params: Record<string, string | string[] | undefined>;
  nextCursor: string | null;
  cursorParam?: string;
  shown: number;
  total: number;
  noun: string;
}) {
  const onFirst = !params[cursorParam];
  return (
    <nav aria-label={`${noun} pages`} className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-slate-600">
        {shown} shown of {total} {noun}
      </span>
      <span className="flex gap-2">
        {!onFirst && (
          <Link href={href(path, params, cursorParam, null)} scroll={false} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
            First page
          </Link>
        )}
        {nextCursor && (
          <Link href={href(path, params, cursorParam, nextCursor)} scroll={false} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" rel="next">
            Next page
          </Link>
        )}
      </span>
    </nav>
  );
}

/** A search box that submits to the list page itself (?q=), so results are shareable links. */
export function ListSearch({ path, q, label, placeholder }: { path: string; q: string; label: string; placeholder: string }) {
  return (
    <form action={path} method="get" role="search" aria-label={label} className="mb-3 flex max-w-xl gap-2">
      <label htmlFor="list-q" className="sr-only">
        {label}
      </label>
      <input
        id="list-q"
        name="q"
        type="search"
        defaultValue={q}
        placeholder={placeholder}
        minLength={2}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm placeholder:text-slate-400"
      />
      <button type="submit" className="h-8 rounded border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-50">
        Search
      </button>
      {q && (
        <Link href={path} className="inline-flex h-8 items-center px-2 text-sm text-blue-800 hover:underline">
          Clear
        </Link>
      )}
    </form>
  );
}
