// Knooppunt's own HTTP server: static files, the React Router handler, and a clean
// shutdown that closes the database (the stock server does not exit while PGlite is open).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestListener } from "@react-router/node";
import {
  clientAddress,
  hasUsableHost,
  isWellFormedUrl,
  limitBody,
  proxyHops,
  refuse,
} from "./server/http-guards.js";

const root = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.join(root, "build", "client");
const build = await import(path.join(root, "build", "server", "index.js"));
const { platform } = build.entry.module;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const trustedProxyHops = proxyHops(process.env.TRUST_PROXY);
const production = process.env.NODE_ENV === "production";

if (production && !process.env.SMTP_URL) {
  // Without SMTP, mail (login links included) is written to the log: fine on a laptop, not here.
  console.error("SMTP_URL ontbreekt: in productie moet Knooppunt mail kunnen versturen.");
  process.exit(1);
}

if (production && !process.env.PUBLIC_URL) {
  // Links in mail (login links, resets) must never be built from a Host header a client chose.
  console.error(
    "PUBLIC_URL ontbreekt: in productie moet Knooppunt zijn eigen adres kennen (bijv. https://knooppunt.example.nl).",
  );
  process.exit(1);
}

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

try {
  await platform.open();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const handle = createRequestListener({ build, mode: production ? "production" : "development" });

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
  if (!limitBody(req, res)) return;
  handle(req, res);
});

server.listen(port, host, () => {
  const shown = host === "0.0.0.0" ? "localhost" : host;
  console.log(`Knooppunt draait op http://${shown}:${port}`);
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} ontvangen: Knooppunt stopt netjes…`);
  server.close();
  server.closeAllConnections?.();
  try {
    await platform.close();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
