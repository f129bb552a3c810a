// Shared start-up for CLIs: load .env files the way Next does, then validate the environment.
import nextEnv from "@next/env";
import { env } from "@/lib/config/env";

export function loadEnv(): void {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production" && process.env.NODE_ENV !== "test");
  try {
    env();
  } catch (e) {
    fail((e as Error).message);
  }
}

export function fail(message: string, code = 1): never {
  console.error(`error: ${message}`);
  process.exit(code);
}
