// Builds requests for the external API routes as our custom server would pass them on: the
// client address travels in the internal header with the per-process token.
import { CLIENT_IP_HEADER, PROXY_TOKEN_HEADER } from "@/lib/http/client-ip";

export const INTERNAL_TOKEN = "intake-test-internal-token";

export interface ApiRequestOptions {
  key?: string | null;
  ip?: string;
  accept?: string;
  contentType?: string;
  method?: string;
  headers?: Record<string, string>;
}

export function apiRequest(path: string, body: BodyInit | null, o: ApiRequestOptions = {}): Request {
  const headers: Record<string, string> = { [PROXY_TOKEN_HEADER]: INTERNAL_TOKEN, [CLIENT_IP_HEADER]: o.ip ?? "203.0.113.7", ...o.headers };
  if (o.key) headers["x-api-key"] = o.key;
  if (o.accept) headers.accept = o.accept;
  if (o.contentType) headers["content-type"] = o.contentType;
  return new Request(`http://localhost${path}`, { method: o.method ?? "POST", body, headers });
}

export const json = (value: unknown) => JSON.stringify(value);
