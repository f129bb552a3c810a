// Wall-clock times in a staff member's time zone for <input type="datetime-local">, with Intl
// only (no date library in the browser bundle).
function offsetMs(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** "2025-03-31T17:00" in `zone` -> ISO instant (UTC). */
export function zonedToIso(local: string, zone: string): string {
  const guess = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(guess)) throw new RangeError(`Not a date and time: ${local}`);
  const first = offsetMs(new Date(guess), zone);
  let t = guess - first;
  // Across a DST change the offset at the result differs from the guess's: use that one.
  const second = offsetMs(new Date(t), zone);
  if (second !== first) t = guess - second;
  return new Date(t).toISOString();
}

/** ISO instant -> "2025-03-31T17:00" in `zone` (the value a datetime-local input takes). */
export function isoToZoned(iso: string, zone: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() + offsetMs(d, zone)).toISOString().slice(0, 16);
}

/** A short local display, e.g. "2025-03-31 17:00". */
export function formatZoned(iso: string, zone: string): string {
  return isoToZoned(iso, zone).replace("T", " ");
}
