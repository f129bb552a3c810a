// Per-key rate limit: a token bucket per key holding `perMinute` tokens, refilled continuously.
// In memory, per process: with N instances a key gets at most N times its limit, which is the
// usual trade for keeping a database write off every request.
interface Bucket {
  tokens: number;
  at: number;
  limit: number;
}
const buckets = new Map<number, Bucket>();

/** Takes one token; returns 0 when allowed, else the milliseconds until a token is available. */
export function takeToken(keyId: number, perMinute: number, now = Date.now()): number {
  if (perMinute <= 0) return 0;
  let b = buckets.get(keyId);
  if (!b || b.limit !== perMinute) {
    b = { tokens: perMinute, at: now, limit: perMinute };
    buckets.set(keyId, b);
  }
  const perMs = perMinute / 60_000;
  b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * perMs);
  b.at = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  return Math.max(1, Math.ceil((1 - b.tokens) / perMs));
}

export function resetRateLimits(): void {
  buckets.clear();
}
