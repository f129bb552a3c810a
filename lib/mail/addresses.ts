// The help desk's own addresses. They never become users, collaborators or recipients, which is
// what keeps the help desk from mailing itself into a loop.
import { env } from "@/lib/config/env";

const ADDRESS = /<?([^<>\s@]+@[^<>\s@]+)>?\s*$/;

/** The bare, lower-cased address of "Name <a@b>" or "a@b"; null when there is none. */
export function bareAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = ADDRESS.exec(value.trim());
  return m ? m[1].toLowerCase() : null;
}

/** The From header of outgoing mail: MAIL_FROM, else SUPPORT_EMAIL. */
export function mailFrom(): string {
  const e = env();
  return e.MAIL_FROM?.trim() || e.SUPPORT_EMAIL;
}

/** Domain used in our Message-IDs. */
export function mailDomain(): string {
  return (bareAddress(mailFrom()) ?? env().SUPPORT_EMAIL).split("@")[1]?.toLowerCase() || "helpdesk.local";
}

/** SUPPORT_EMAIL, its aliases from settings and the MAIL_FROM address, lower-cased. */
export function helpdeskAddresses(aliases: readonly string[]): Set<string> {
  const set = new Set<string>();
  const add = (a: string | null) => {
    if (a) set.add(a.toLowerCase());
  };
  add(env().SUPPORT_EMAIL);
  add(bareAddress(mailFrom()));
  for (const a of aliases) add(bareAddress(a));
  return set;
}
