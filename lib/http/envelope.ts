// The staff API envelope: {status, message, data} on success, {status, message, errors} on failure.
import { type AppError, toAppError } from "./errors";

export function ok<T>(data: T, opts: { status?: number; message?: string; headers?: HeadersInit } = {}): Response {
  const status = opts.status ?? 200;
  return Response.json({ status, message: opts.message ?? "OK", data }, { status, headers: opts.headers });
}

export function created<T>(data: T, message = "Created", headers?: HeadersInit): Response {
  return ok(data, { status: 201, message, headers });
}

export function errorBody(err: AppError) {
  return {
    status: err.status,
    message: err.message,
    errors: err.errors ?? {},
    ...(err.data !== undefined ? { data: err.data } : {}),
  };
}

/** The only place that turns an error into a JSON response. */
export function fail(e: unknown): Response {
  const err = toAppError(e);
  return Response.json(errorBody(err), { status: err.status, headers: err.headers });
}
