// The Algolia client (algoliasearch v5), built from the environment. ALGOLIA_HOST points it at
// another host (a proxy, or the local fake server of the tests) instead of Algolia's own.
import { type Algoliasearch, algoliasearch } from "algoliasearch";
import { env } from "@/lib/config/env";

let cached: { key: string; client: Algoliasearch } | undefined;

export function algoliaIndexName(): string {
  return env().ALGOLIA_INDEX;
}

export function algoliaClient(): Algoliasearch {
  const e = env();
  if (!e.ALGOLIA_APP_ID || !e.ALGOLIA_API_KEY) throw new Error("Algolia is not configured");
  const key = `${e.ALGOLIA_APP_ID}|${e.ALGOLIA_API_KEY}|${e.ALGOLIA_HOST ?? ""}`;
  if (cached?.key === key) return cached.client;
  let hosts;
  if (e.ALGOLIA_HOST) {
    const u = new URL(e.ALGOLIA_HOST);
    hosts = [{ url: u.hostname, port: u.port ? Number(u.port) : undefined, protocol: u.protocol === "http:" ? ("http" as const) : ("https" as const), accept: "readWrite" as const }];
  }
  const client = algoliasearch(e.ALGOLIA_APP_ID, e.ALGOLIA_API_KEY, { ...(hosts ? { hosts } : {}), timeouts: { connect: 2000, read: 5000, write: 30000 } });
  cached = { key, client };
  return client;
}

/** Index settings: what is searched (in ranking order) and what can be filtered. */
export const indexSettings = {
  searchableAttributes: ["number", "subject", "unordered(userName)", "userEmail", "organization", "unordered(aiSummary)", "unordered(thread)"],
  attributesForFaceting: [
    "filterOnly(visibleTo)",
    "filterOnly(assignee)",
    "searchable(status)",
    "deptId",
    "department",
    "priority",
    "priorityId",
    "urgency",
    "topicId",
    "orgId",
    "userId",
    "source",
    "isOverdue",
    "isAnswered",
    "isEscalated",
    "docsRequired",
    "docsAcknowledged",
  ],
  numericAttributesForFiltering: ["createdAt", "updatedAt", "dueAt", "deptId", "priorityId", "topicId", "orgId", "userId"],
  customRanking: ["desc(updatedAt)"],
  attributesToRetrieve: ["objectID"],
  disableTypoToleranceOnAttributes: ["number", "userEmail"],
};
