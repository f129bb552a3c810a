// ANY /api/<unknown> - a clear 404 (text, or JSON when asked) instead of the HTML not-found page
import { fail } from "@/lib/http/envelope";
import { AppError } from "@/lib/http/errors";
import { intakeErrorResponse } from "@/lib/intake/respond";

export const dynamic = "force-dynamic";

function notFound(req: Request): Response {
  const path = new URL(req.url).pathname;
  const error = new AppError("not_found", `Unknown API path: ${path}`);
  // Staff API clients always get the JSON envelope; external (osTicket) clients get text unless they ask for JSON.
  return path.startsWith("/api/staff/") ? fail(error) : intakeErrorResponse(req, error);
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
