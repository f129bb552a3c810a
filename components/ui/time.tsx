// A point in time in the staff member's time zone ("2025-03-31 17:00"), the exact instant on
// hover. Intl formatters are built once per zone: the ticket view formats hundreds of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(zone, f);
  }
  return f;
}

/** "yyyy-MM-dd HH:mm" in `zone`. */
export function formatTime(value: Date | string, zone: string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "";
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(d)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function Time({ value, zone, empty = "—" }: { value: Date | string | null | undefined; zone: string; empty?: string }) {
  if (!value) return <span className="text-slate-400">{empty}</span>;
  const iso = typeof value === "string" ? value : value.toISOString();
  return (
    <time dateTime={iso} title={`${iso} (UTC)`} className="whitespace-nowrap tabular-nums">
      {formatTime(value, zone)}
    </time>
  );
}
