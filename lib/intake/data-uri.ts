// RFC 2397 data URIs as osTicket clients send them: `data:text/html;charset=utf-8,<p>…</p>` or
// `data:image/png;base64,…`. Unlike osTicket, `;charset=…;base64` applies both, and no charset
// means UTF-8. As with osTicket, non-base64 data is taken literally (not percent-decoded): clients
// written against it send raw text such as "50% off".
import iconv from "iconv-lite";

export interface DataUri {
  mime: string;
  charset: string;
  base64: boolean;
  /** The part after the first comma, undecoded. */
  data: string;
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

export function parseDataUri(value: string): DataUri | null {
  if (!/^data:/i.test(value)) return null;
  const comma = value.indexOf(",");
  if (comma < 0) return null;
  const params = value.slice(5, comma).split(";").map((p) => p.trim());
  const mime = (params.shift() || "text/plain").toLowerCase();
  let charset = "utf-8";
  let base64 = false;
  for (const p of params) {
    if (p.toLowerCase() === "base64") base64 = true;
    else if (/^charset=/i.test(p)) charset = p.slice(8).replace(/^"|"$/g, "").toLowerCase() || "utf-8";
  }
  return { mime, charset, base64, data: value.slice(comma + 1) };
}

export class DataUriError extends Error {}

export function isValidBase64(s: string): boolean {
  return BASE64.test(s) && s.replace(/\s/g, "").length % 4 !== 1;
}

export function decodeBase64Strict(s: string): Buffer {
  if (!isValidBase64(s)) throw new DataUriError("is not valid base64");
  return Buffer.from(s.replace(/\s/g, ""), "base64");
}

function checkCharset(charset: string): void {
  if (!iconv.encodingExists(charset)) throw new DataUriError(`names an unknown charset "${charset}"`);
}

/** The bytes of a data URI (text data is encoded in its declared charset). */
export function dataUriBytes(uri: DataUri): Buffer {
  if (uri.base64) return decodeBase64Strict(uri.data);
  checkCharset(uri.charset);
  return iconv.encode(uri.data, uri.charset);
}

/** The text of a data URI, decoded from its charset. */
export function dataUriText(uri: DataUri): string {
  if (!uri.base64) return uri.data;
  checkCharset(uri.charset);
  return iconv.decode(decodeBase64Strict(uri.data), uri.charset);
}
