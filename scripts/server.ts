// The production server: Next.js behind a small Node HTTP server (Next's custom-server API) so
// the real client address is known. Forwarding headers from untrusted peers are replaced with
// the socket address; the result reaches route handlers with a per-process token.
import http from "node:http";
import { randomBytes } from "node:crypto";
import next from "next";
import { env, setEnvVar } from "@/lib/config/env";
import { CLIENT_IP_HEADER, PROXY_TOKEN_HEADER } from "@/lib/http/client-ip";
import { ipInList, parseTrustList, resolveClientIp } from "@/lib/http/client-address";

let inFlight = 0;

/** Resolves once no request is being handled (a client that hung up leaves its handler running), or after `timeoutMs`. */
export async function requestsDrained(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

export interface ServerOptions {
  port: number;
  hostname: string;
}

/** Prepares Next.js (reads the build) and returns a function that starts listening. */
export async function prepareServer(opts: ServerOptions): Promise<() => Promise<http.Server>> {
  const token = randomBytes(24).toString("base64url");
  setEnvVar("HELPDESK_INTERNAL_TOKEN", token);
  const trusted = parseTrustList(env().TRUSTED_PROXIES);

  const app = next({ dev: false, dir: process.cwd(), hostname: opts.hostname, port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  return () => listen(opts, handle, token, trusted);
}

function listen(
  opts: ServerOptions,
  handle: ReturnType<ReturnType<typeof next>["getRequestHandler"]>,
  token: string,
  trusted: ReturnType<typeof parseTrustList>,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const peer = req.socket.remoteAddress ?? "";
    const xff = req.headers["x-forwarded-for"];
    const client = resolveClientIp(peer, Array.isArray(xff) ? xff.join(",") : xff, trusted);
    if (!ipInList(peer, trusted)) {
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
      delete req.headers["x-forwarded-port"];
    }
    req.headers["x-forwarded-for"] = client;
    req.headers["x-real-ip"] = client;
    req.headers[CLIENT_IP_HEADER] = client;
    req.headers[PROXY_TOKEN_HEADER] = token;
    inFlight++;
    handle(req, res)
      .catch((err) => {
        console.error("[server] request failed:", err);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end("Internal server error");
        }
      })
      .finally(() => inFlight--);
  });
  // Keep-alive longer than typical load balancers' idle timeouts.
  server.keepAliveTimeout = 65_000;
  return new Promise<http.Server>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, () => resolve(server));
  });
}
