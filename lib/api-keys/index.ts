export { createApiKey, listApiKeys } from "./service";
export { createApiKeySchema, type CreateApiKeyInput } from "./schemas";
export { generateApiKey, hashApiKey, keyPrefix, sameHash } from "./keys";
