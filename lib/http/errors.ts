// One error type for the whole app; its code decides the HTTP status, in one table.
import { ZodError } from "zod";

export const errorStatus = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  not_configured: 503,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldErrors;
  readonly headers?: Record<string, string>;
  /** Extra machine-readable detail for the client (e.g. the current assignee on a conflict). */
  readonly data?: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { errors?: FieldErrors; headers?: Record<string, string>; data?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.errors = opts.errors;
    this.headers = opts.headers;
    this.data = opts.data;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  static validation(error: ZodError, message = "Validation failed"): AppError {
    return new AppError("validation", message, { errors: zodFieldErrors(error) });
  }

  static fields(errors: FieldErrors, message = "Validation failed"): AppError {
    return new AppError("validation", message, { errors });
  }
}

/** Flattens zod issues into `{ "field.path": "message" }`, first message per field. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The client went away while its request body was being read: nobody to answer, nothing to log. */
function isClientAbort(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return e.name === "AbortError" || (code === "ECONNRESET" && e.message === "aborted");
}

/** The PostgreSQL error under a driver or drizzle wrapper (DrizzleQueryError keeps it as `cause`). */
function pgError(e: unknown): { code: string; detail?: string } | null {
  for (let x: unknown = e, depth = 0; x && typeof x === "object" && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return { code, detail: (x as { detail?: string }).detail };
  }
  return null;
}

/**
 * Database errors that are the caller's doing (or a race they can retry) as 4xx. Validation
 * should catch these first; this is the net under it, so a missed case is never a 500.
 */
function fromDatabase(e: unknown): AppError | null {
  const pg = pgError(e);
  if (!pg) return null;
  switch (pg.code) {
    case "23505":
      return new AppError("conflict", "That already exists (a concurrent request may have created it); reload and try again");
    case "23503":
      return /still referenced/.test(pg.detail ?? "")
        ? new AppError("conflict", "It is still in use and cannot be removed")
        : new AppError("bad_request", "The request refers to a record that does not exist");
    case "40001":
    case "40P01":
      return new AppError("conflict", "A concurrent change got in the way; try again");
    case "57014":
    case "53300":
      return new AppError("unavailable", "The database is busy; try again shortly", { headers: { "Retry-After": "5" } });
  }
  // Class 22: data exceptions (out-of-range numbers, bad text or dates, NUL bytes).
  if (pg.code.startsWith("22")) return new AppError("bad_request", "A value in the request is out of range or not valid");
  return null;
}

/** What the log gets for an unexpected error: never the query parameters (they hold passwords, hashes and message bodies). */
export function redacted(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const strip = (m: string) => m.replace(/\nparams:[\s\S]*$/, "").replace(/\s+/g, " ").slice(0, 500);
  const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 8).join("\n");
  const cause = e.cause instanceof Error ? `\n  cause: ${e.cause.name}: ${strip(e.cause.message)}${pgError(e.cause) ? ` [${pgError(e.cause)!.code}]` : ""}` : "";
  return `${e.name}: ${strip(e.message)}${cause}\n${frames}`;
}

/**
 * A short description of a failure that may be stored or answered (a job run's error): never the
 * SQL text or its parameters, which stay in the server log (see `redacted`).
 */
export function publicErrorMessage(e: unknown): string {
  if (e instanceof AppError) return e.message.slice(0, 500);
  const pg = pgError(e);
  if (pg) return `A database query failed (SQLSTATE ${pg.code}); the server log has the details`;
  const message = e instanceof Error ? e.message : String(e);
  if (/Failed query:|\bparams:/i.test(message)) return "A database query failed; the server log has the details";
  return `${e instanceof Error && e.name !== "Error" ? `${e.name}: ` : ""}${message.split("\n")[0]}`.slice(0, 300);
}

/** Any thrown value becomes an AppError; unknown errors are logged (redacted) and answered generically. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return AppError.validation(e);
  if (isClientAbort(e)) return new AppError("bad_request", "The request was aborted by the client");
  const db = fromDatabase(e);
  if (db) {
    console.warn(`[warn] database refused a request: ${redacted(e).split("\n")[0].slice(0, 160)}`);
    return db;
  }
  console.error("[error] unhandled:", redacted(e));
  return new AppError("internal", "Internal server error");
}
