// Heavy test sizes (concurrency, fuzz counts) come from TEST_SCALE (default 1) and are smaller
// on the PGlite pass, which runs in one WASM process. Big-data runs belong in bench/.
import { testDbKind } from "@/db/testing";

export function scaled(onPg: number, onPglite: number): number {
  const factor = Number(process.env.TEST_SCALE ?? "1") || 1;
  return Math.max(1, Math.round((testDbKind() === "pg" ? onPg : onPglite) * factor));
}
