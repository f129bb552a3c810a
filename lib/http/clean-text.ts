// PostgreSQL text can hold neither NUL characters nor unpaired UTF-16 surrogates (they are not
// Unicode scalar values). Input is cleaned where it enters: NULs removed, lone surrogates
// replaced with U+FFFD, the same rule email parsing applies, so no door answers 500 for them.

/** The string without NULs and with lone surrogates replaced. */
export function cleanText(s: string): string {
  const noNul = s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
  return noNul.isWellFormed() ? noNul : noNul.toWellFormed();
}

/** Every string in a parsed JSON-like value (keys included) cleaned; other values unchanged. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanStrings(v)])) as T;
  }
  return value;
}

/** A JSON.parse reviver applying cleanText to every string value. */
export function cleanReviver(_key: string, value: unknown): unknown {
  return typeof value === "string" ? cleanText(value) : value;
}
