// Where to go after signing in: only a path on this site, never another origin (open redirect).
export const DEFAULT_AFTER_LOGIN = "/tickets";

export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return DEFAULT_AFTER_LOGIN;
  }
  if (/[\u0000-\u001f]/.test(value) || value.startsWith("/login") || value.startsWith("/api/")) return DEFAULT_AFTER_LOGIN;
  return value;
}

const LOCKED = /^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/;

/** The message shown for a next-auth error code; unknown text from the URL is never echoed. */
export function signInErrorMessage(error: unknown): string | null {
  if (typeof error !== "string" || !error) return null;
  if (LOCKED.test(error)) return error;
  if (error === "CredentialsSignin") return "Wrong email or password.";
  if (error === "SessionRequired") return "Please sign in to continue.";
  return "Sign-in failed. Please try again.";
}
