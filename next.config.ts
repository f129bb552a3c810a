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
  async headers() {
    return [
      {
        // Panel pages may not be framed by another site (clickjacking) and do not leak their
        // addresses (ticket numbers, searches) to other sites. API routes set their own headers
        // (attachment downloads carry a sandboxing CSP).
        source: "/((?!api/).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
    ];
  },
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
