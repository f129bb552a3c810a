// API key material: generation and hashing. Keys are random, so sha256 is a sufficient hash.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const KEY_PREFIX_LENGTH = 11;

export function generateApiKey(): string {
  return `hd_${randomBytes(24).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX_LENGTH);
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
