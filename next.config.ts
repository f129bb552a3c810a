import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite ships WASM and data files that must load from node_modules, not a bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "@node-rs/argon2",
  ],
  // Migrations are read from disk at start; make sure serverless bundles carry them.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  async rewrites() {
    return [
      // osTicket's documented staff paths keep working.
      { source: "/scp/ajax.php/:path*", destination: "/api/staff/:path*" },
      // osTicket clients on servers without URL rewriting call /api/http.php/tickets.json etc.
      { source: "/api/http.php/:path*", destination: "/api/:path*" },
    ];
  },
};

export default nextConfig;
