export { createApiKey, listApiKeys, revokeApiKey } from "./service";
export { createApiKeyAsStaff, getApiKeyInfo, listApiKeyInfo, revokeApiKeyById, toApiKeyInfo, updateApiKey, type ApiKeyInfo } from "./manage";
export { apiKeyIdParams, createApiKeySchema, updateApiKeySchema, type CreateApiKeyInput, type UpdateApiKeyInput } from "./schemas";
export { generateApiKey, hashApiKey, keyPrefix, sameHash } from "./keys";
export { verifyApiKey, clearApiKeyCache, API_KEY_MESSAGES, type ApiKeyRow, type ApiPermission } from "./verify";
export { flushApiKeyUsage } from "./usage";
export { resetRateLimits } from "./rate-limit";
