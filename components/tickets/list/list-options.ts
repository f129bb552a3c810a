// What the server hands a ticket list for its filters, pickers and actions (read from lib/ by the page).
export interface Pick {
  id: number;
  name: string;
}

export interface ListOptions {
  departments: Array<Pick & { isMember: boolean }>;
  topics: Pick[];
  priorities: Pick[];
  staff: Pick[];
  teams: Pick[];
}

/** What the caller may do with the list (lib/auth permissions, checked again by the API). */
export interface ListAbilities {
  export: boolean;
  status: boolean;
  assign: boolean;
  transfer: boolean;
  claim: boolean;
  merge: boolean;
  delete: boolean;
}

/** A list's source: a queue (its criteria refined by the URL's) or a plain search. */
export type ListSource = { kind: "queue"; id: string } | { kind: "search" };
