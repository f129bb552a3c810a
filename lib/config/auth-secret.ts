// The session-signing secret. Deployments set AUTH_SECRET; a local `npm start` without one
// generates a secret once and keeps it in .data/, so the two-command start needs no setup.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env, setEnvVar } from "./env";

export function ensureAuthSecret(dataDir = ".data"): { source: "env" | "file" | "generated"; file?: string } {
  const e = env();
  const fromEnv = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (fromEnv) {
    // next-auth v4 reads NEXTAUTH_SECRET; keep both names in step.
    setEnvVar("AUTH_SECRET", fromEnv);
    setEnvVar("NEXTAUTH_SECRET", fromEnv);
    return { source: "env" };
  }
  const file = path.resolve(dataDir, "auth-secret");
  let source: "file" | "generated" = "file";
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    source = "generated";
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  setEnvVar("AUTH_SECRET", secret);
  setEnvVar("NEXTAUTH_SECRET", secret);
  return { source, file };
}
