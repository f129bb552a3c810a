// Staff sessions for integration tests: a real next-auth session cookie (JWE encrypted with the
// test secret, exactly as next-auth issues it) and Request builders for route exports.
import { resetEnvCache } from "@/lib/config/env";
import { mintSessionToken, sessionCookieName } from "@/lib/auth";
import { resetAuthOptions } from "@/lib/auth/config";

export const TEST_AUTH_SECRET = "test-auth-secret-0123456789abcdef0123456789";
export const TEST_ORIGIN = "http://localhost:3000";

/** Call at the top of a test file that uses sessions. */
export function setupTestAuth(): void {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;
  process.env.APP_URL = TEST_ORIGIN;
  process.env.NEXTAUTH_URL = TEST_ORIGIN;
  resetEnvCache();
  resetAuthOptions();
}

export interface StaffIdentity {
  id: number;
  name: string;
  email: string;
  sessionVersion: number;
}

export async function sessionCookie(staff: StaffIdentity): Promise<string> {
  return `${sessionCookieName()}=${await mintSessionToken(staff)}`;
}

export interface RequestOptions {
  method?: string;
  /** Who calls; omitted means no session cookie. */
  as?: StaffIdentity | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function staffRequest(path: string, opts: RequestOptions = {}): Promise<Request> {
  const headers = new Headers(opts.headers);
  if (opts.as) headers.set("cookie", await sessionCookie(opts.as));
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(new URL(path, TEST_ORIGIN), { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface Called<T = unknown> {
  status: number;
  headers: Headers;
  json: { status: number; message: string; data?: T; errors?: Record<string, string> } & Record<string, unknown>;
}

/** Calls a route export with path params, returning status and parsed JSON envelope. */
export async function callRoute<T = unknown>(handler: Handler, req: Request, params: Record<string, string | string[]> = {}): Promise<Called<T>> {
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  let json: Called<T>["json"];
  try {
    json = JSON.parse(text);
  } catch {
    json = { status: res.status, message: text };
  }
  return { status: res.status, headers: res.headers, json };
}
