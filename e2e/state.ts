// What global setup created (credentials, keys), shared with specs through a file.
import fs from "node:fs";
import path from "node:path";

export interface E2eState {
  baseURL: string;
  driver: string;
  apiKey: string;
  password: string;
  staff: Record<"admin" | "manager" | "agentA" | "agentB", { id: number; email: string; name: string }>;
}

const file = path.join(process.cwd(), "test-results", "e2e-state.json");

export function writeState(state: E2eState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(state, null, 2));
}

export function readState(): E2eState {
  return JSON.parse(fs.readFileSync(file, "utf8")) as E2eState;
}
