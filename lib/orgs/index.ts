// Organizations (clients' companies): the public surface routes and other domains import.
export { emailDomain, orgIdForEmailSql } from "./domains";
export { toOrg, type Org } from "./dto";
export { likePrefix, queryWords, wordsPrefixMatch } from "./match";
export { getOrg, getOrgDetail, listOrgMembers, listOrgs, searchOrgs } from "./queries";
export { createOrg, updateOrg } from "./service";
export { recentTicketsOf } from "./tickets";
export * from "./schemas";
