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

/** Any thrown value becomes an AppError; unknown errors are logged and answered generically. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return AppError.validation(e);
  console.error("[error] unhandled:", e);
  return new AppError("internal", "Internal server error");
}
