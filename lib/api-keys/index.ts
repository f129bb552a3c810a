export { createApiKey, listApiKeys, revokeApiKey } from "./service";
export { createApiKeySchema, type CreateApiKeyInput } from "./schemas";
export { generateApiKey, hashApiKey, keyPrefix, sameHash } from "./keys";
export { verifyApiKey, clearApiKeyCache, API_KEY_MESSAGES, type ApiKeyRow, type ApiPermission } from "./verify";
export { flushApiKeyUsage } from "./usage";
export { resetRateLimits } from "./rate-limit";
