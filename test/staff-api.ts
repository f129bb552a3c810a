// Shorthands for calling staff API route exports in tests.
import { type Called, type StaffIdentity, callRoute, staffRequest } from "./auth";

type Handler = Parameters<typeof callRoute>[0];

export function api(as: StaffIdentity | null) {
  const run = async <T = unknown>(handler: Handler, method: string, path: string, params: Record<string, string>, body?: unknown, headers?: Record<string, string>) =>
    callRoute<T>(handler, await staffRequest(path, { method, as, body, headers }), params);
  return {
    get: <T = unknown>(h: Handler, path: string, params: Record<string, string> = {}, headers?: Record<string, string>) => run<T>(h, "GET", path, params, undefined, headers),
    post: <T = unknown>(h: Handler, path: string, params: Record<string, string>, body?: unknown, headers?: Record<string, string>) =>
      run<T>(h, "POST", path, params, body ?? {}, headers),
    put: <T = unknown>(h: Handler, path: string, params: Record<string, string>, body: unknown, headers?: Record<string, string>) => run<T>(h, "PUT", path, params, body, headers),
    patch: <T = unknown>(h: Handler, path: string, params: Record<string, string>, body: unknown, headers?: Record<string, string>) => run<T>(h, "PATCH", path, params, body, headers),
    del: <T = unknown>(h: Handler, path: string, params: Record<string, string>, body?: unknown, headers?: Record<string, string>) => run<T>(h, "DELETE", path, params, body, headers),
  };
}

export type { Called };
