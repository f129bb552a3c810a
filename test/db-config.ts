export type TestDbConfig =
  | { kind: "pg"; url: string; template: string; prefix: string }
  | { kind: "pglite"; dumpFile: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDb: TestDbConfig;
  }
}
