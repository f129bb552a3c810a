// A point in time shown in the staff member's time zone, with the exact UTC instant on hover.
import { DateTime } from "luxon";

export function formatInZone(value: Date | string | null | undefined, zone: string, format = "yyyy-MM-dd HH:mm"): string {
  if (!value) return "";
  const dt = typeof value === "string" ? DateTime.fromISO(value) : DateTime.fromJSDate(value);
  return dt.isValid ? dt.setZone(zone).toFormat(format) : "";
}

export function Time({ value, zone, format, empty = "—" }: { value: Date | string | null | undefined; zone: string; format?: string; empty?: string }) {
  if (!value) return <span className="text-slate-400">{empty}</span>;
  const iso = typeof value === "string" ? value : value.toISOString();
  return (
    <time dateTime={iso} title={`${formatInZone(value, zone, "yyyy-MM-dd HH:mm:ss ZZZZ")} (${iso})`} className="whitespace-nowrap tabular-nums">
      {formatInZone(value, zone, format)}
    </time>
  );
}
