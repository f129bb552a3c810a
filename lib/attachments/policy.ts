// Which files are kept: a per-file size limit and a list of blocked (executable) file types. Pure.

export interface FilePolicy {
  maxAttachmentBytes: number;
  blockedExtensions: string[];
}

export type DropReason = "too_large" | "blocked_type";

export interface DroppedFile {
  name: string;
  contentType: string;
  size: number;
  reason: DropReason;
  /** A sentence for the internal note and the API response. */
  message: string;
}

const fmt = (n: number) => n.toLocaleString("en-US");

export function formatBytes(n: number): string {
  const MiB = 1024 * 1024;
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/**
 * Every extension of the name, lower-cased, last first ("report.pdf.exe" -> exe, pdf). Windows
 * ignores trailing dots and spaces, so "evil.exe. " is an .exe.
 */
export function fileExtensions(name: string): string[] {
  const base = name.replace(/[\s.]+$/g, "").split(/[\\/]/).pop() ?? "";
  const parts = base.toLowerCase().split(".");
  return parts.length > 1 ? parts.slice(1).reverse() : [];
}

export function isBlockedName(name: string, blocked: string[]): boolean {
  const set = new Set(blocked.map((e) => e.toLowerCase().replace(/^\./, "")));
  const [last] = fileExtensions(name);
  return last !== undefined && set.has(last);
}

/** Null when the file may be stored, otherwise why not. */
export function checkFile(file: { name: string; contentType: string; size: number }, policy: FilePolicy): DroppedFile | null {
  if (isBlockedName(file.name, policy.blockedExtensions)) {
    const [ext] = fileExtensions(file.name);
    return { ...pick(file), reason: "blocked_type", message: `"${file.name}" was not stored: files of type .${ext} are blocked` };
  }
  if (file.size > policy.maxAttachmentBytes) {
    return {
      ...pick(file),
      reason: "too_large",
      message: `"${file.name}" (${fmt(file.size)} bytes) was not stored: larger than the limit of ${formatBytes(policy.maxAttachmentBytes)} (${fmt(policy.maxAttachmentBytes)} bytes) per file`,
    };
  }
  return null;
}

function pick(file: { name: string; contentType: string; size: number }) {
  return { name: file.name, contentType: file.contentType, size: file.size };
}

// Direction overrides and marks: "invoice\u202Egnp.exe" shows as "invoiceexe.png".
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A safe stored name: no path, no control or direction-override characters, not empty, at most
 * 255 characters; a long name is cut before its extension so the type stays visible.
 */
export function cleanFileName(name: string, fallback = "attachment"): string {
  const base = (name.split(/[\\/]/).pop() ?? "").normalize("NFC").replace(/[\x00-\x1f\x7f]/g, "").replace(BIDI_CONTROLS, "").trim();
  const safe = base === "." || base === ".." ? "" : base;
  const out = safe || fallback;
  if (out.length <= 255) return out;
  const ext = /\.[^.\s]{1,16}$/.exec(out)?.[0] ?? "";
  return out.slice(0, 255 - ext.length) + ext;
}
