// Who is calling: the session cookie is decrypted and the staff row re-read on every request
// (active, and the session version, which deactivation and password changes bump), because a
// JWT cannot be recalled. The lookup is cached per Request: one query however often it is asked.
import { type Executor, getDb } from "@/db/client";
import { decodeSessionToken, readSessionToken } from "./cookie";
import { type SessionStaff, loadSessionStaff } from "./staff-context";

/** The active staff member a session token belongs to, or null (bad, expired or revoked). */
export async function staffFromToken(token: string | null, db?: Executor): Promise<SessionStaff | null> {
  const claims = await decodeSessionToken(token);
  if (!claims) return null;
  const row = await loadSessionStaff(db ?? (await getDb()), claims.staffId);
  if (!row || !row.isActive || row.sessionVersion !== claims.sessionVersion) return null;
  const { isActive: _active, ...staff } = row;
  return staff;
}

const perRequest = new WeakMap<Request, Promise<SessionStaff | null>>();

export function staffFromRequest(req: Request): Promise<SessionStaff | null> {
  let found = perRequest.get(req);
  if (!found) {
    found = staffFromToken(readSessionToken(req.headers.get("cookie")));
    perRequest.set(req, found);
  }
  return found;
}
