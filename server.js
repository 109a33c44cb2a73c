// Knooppunt's own HTTP server: static files, the React Router handler, and a clean
// shutdown that closes the database (the stock server does not exit while PGlite is open).
// Jobs and inbound mail are worker.js's, except on PGlite (see below).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequestListener } from "@react-router/node";
import { loadApp, openOrExit, root, stopOnSignals } from "./server/boot.js";
import {
  clientAddress,
  concurrencyLimit,
  hasUsableHost,
  isWellFormedUrl,
  limitBody,
  proxyHops,
  refuse,
} from "./server/http-guards.js";
import { visitorPageCache } from "./server/page-cache.js";

const clientDir = path.join(root, "build", "client");
const { build, platform, config } = await loadApp();
const port = config.PORT;
const host = config.HOST;
const trustedProxyHops = proxyHops(config.TRUST_PROXY);
const production = config.NODE_ENV === "production";

const types = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
};

// PGlite lets one process open its folder, so there this process also does the worker's part;
// on PostgreSQL, worker.js does it (./knooppunt start runs both).
await openOrExit(platform, { worker: !config.DATABASE_URL });

const handle = createRequestListener({ build, mode: production ? "production" : "development" });
// Pages only: static files cost next to nothing and are never refused for load.
const admit = concurrencyLimit({
  maxInFlight: config.MAX_CONCURRENT_REQUESTS,
  maxQueued: config.MAX_QUEUED_REQUESTS,
  maxWaitMs: config.MAX_QUEUE_WAIT_MS,
});
// The public pages every visitor sees alike (search queries included); see server/page-cache.js.
const visitorPages = visitorPageCache({
  ttlMs: config.VISITOR_PAGE_CACHE_MS,
  paths: [/^\/$/, /^\/netwerken\/?$/, /^\/organisaties\/?$/, /^\/goede-voorbeelden\/?$/],
});

function serveStatic(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  } catch {
    return false; // the app answers malformed paths with 400; isWellFormedUrl ran first anyway
  }
  if (pathname === "/" || pathname.includes("..")) return false;
  const file = path.join(clientDir, pathname);
  if (!file.startsWith(clientDir)) return false;
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  res.setHeader("Content-Type", types[path.extname(file)] ?? "application/octet-stream");
  res.setHeader("Content-Length", stat.size);
  res.setHeader(
    "Cache-Control",
    pathname.startsWith("/assets/")
      ? "public, max-age=31536000, immutable"
      : "public, max-age=3600",
  );
  if (req.method === "HEAD") res.end();
  else fs.createReadStream(file).pipe(res);
  return true;
}

const server = http.createServer((req, res) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  req.headers["x-knooppunt-client-ip"] = clientAddress(req, trustedProxyHops);
  if (!hasUsableHost(req) || !isWellFormedUrl(req.url ?? "/")) {
    refuse(res, 400, "Dit adres klopt niet.");
    return;
  }
  if (serveStatic(req, res)) return;
  visitorPages(req, res, () =>
    admit(req, res, () => {
      if (limitBody(req, res)) handle(req, res);
    }),
  );
});

server.listen(port, host, () => {
  const shown = host === "0.0.0.0" ? "localhost" : host;
  console.log(`Knooppunt draait op http://${shown}:${port}`);
});

stopOnSignals(async () => {
  server.close();
  server.closeAllConnections?.();
  await platform.close();
});
