// Who performs a ticket operation: a signed-in staff member with their scope.
import { type SessionStaff, type TicketScope, scopeOf } from "@/lib/auth";

export type Actor = Pick<SessionStaff, "id" | "name" | "email" | "role" | "deptIds" | "teamIds" | "timezone" | "signature">;

export const actorScope = (actor: Actor): TicketScope => scopeOf(actor);
