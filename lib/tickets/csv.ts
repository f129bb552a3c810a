// CSV cells and rows (RFC 4180: comma separated, CRLF row ends, fields with , " CR LF or TAB quoted,
// quotes doubled). Text starting with = + - @ TAB or CR gets a leading apostrophe so a
// spreadsheet shows it instead of running it as a formula (OWASP CSV injection guidance).
export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  let s: string;
  if (value === null || value === undefined) s = "";
  else if (typeof value === "boolean") s = value ? "Yes" : "No";
  else if (typeof value === "number") s = String(value);
  else if (value instanceof Date) s = value.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "");
  else s = FORMULA_START.test(value) ? `'${value}` : value;
  // TAB is quoted too: not required by RFC 4180, but some importers split on it.
  return /[",\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: CsvValue[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** Byte order mark: spreadsheets then read the file as UTF-8. */
export const UTF8_BOM = "\uFEFF";
