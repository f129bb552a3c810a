// The only reader of process.env: every variable, parsed once with zod (see .env.example).
import { z } from "zod";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.string().url().optional());
const optionalInt = (def: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(def));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: optionalInt(3000),
  HOSTNAME: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  APP_URL: optionalUrl,

  DATABASE_URL: optionalString,
  DB_DRIVER: z.preprocess(emptyAsUndefined, z.enum(["pglite", "pg", "neon"]).optional()),
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
  DATABASE_POOL_MAX: optionalInt(10),

  AUTH_SECRET: optionalString,
  NEXTAUTH_SECRET: optionalString,
  TRUSTED_PROXIES: optionalString,
  ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.string().email().default("admin@example.com")),
  ADMIN_PASSWORD: optionalString,

  SUPPORT_EMAIL: z.preprocess(emptyAsUndefined, z.string().email().default("support@example.com")),
  MAIL_FROM: optionalString,
  SMTP_URL: optionalString,
  INBOUND_EMAIL_SECRET: optionalString,
  HELPDESK_URL: optionalUrl,
  CRON_SECRET: optionalString,

  GOOGLE_GENERATIVE_AI_API_KEY: optionalString,
  GEMINI_BASE_URL: optionalUrl,
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  ALGOLIA_APP_ID: optionalString,
  ALGOLIA_API_KEY: optionalString,
  ALGOLIA_INDEX: z.preprocess(emptyAsUndefined, z.string().default("tickets")),
  /** Another Algolia host (e.g. http://127.0.0.1:8123 for a local fake in tests). */
  ALGOLIA_HOST: optionalUrl,
  HARVEST_ACCOUNT_ID: optionalString,
  HARVEST_TOKEN: optionalString,

  /** Set by Vercel; forwarded-for headers are trusted from the platform there. */
  VERCEL: optionalString,
  /** Set by the custom server (scripts/server.ts) for each process; never set it by hand. */
  HELPDESK_INTERNAL_TOKEN: optionalString,
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests and the start script change process.env; they call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Writes a value to the process environment (start script: generated secrets, internal token). */
export function setEnvVar(name: Exclude<keyof Env, "NODE_ENV"> | "NEXTAUTH_URL", value: string): void {
  // A plain record: next-auth's global typing narrows some names (VERCEL to "1").
  (process.env as Record<string, string>)[name] = value;
  cached = undefined;
}
