// ANY /api/<unknown> - a clear 404 (text, or JSON when asked) instead of the HTML not-found page
import { AppError } from "@/lib/http/errors";
import { intakeErrorResponse } from "@/lib/intake/respond";

export const dynamic = "force-dynamic";

function notFound(req: Request): Response {
  const path = new URL(req.url).pathname;
  return intakeErrorResponse(req, new AppError("not_found", `Unknown API path: ${path}`));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
