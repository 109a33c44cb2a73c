import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { visitorPageCache } from "./page-cache.js";

/**
 * A real node:http server with server.js's visitor cache in front of a page that, like
 * entry.server.tsx, puts a fresh script nonce in its CSP header and its <script> tags.
 */
let server: http.Server | undefined;

afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function start() {
  let clock = 1_000_000;
  let renders = 0;
  const cache = visitorPageCache({
    ttlMs: 5_000,
    now: () => clock,
    paths: [/^\/$/, /^\/netwerken$/, /^\/weg$/],
  });
  server = http.createServer((req, res) => {
    cache(req, res, () => {
      renders++;
      const url = new URL(req.url ?? "/", "http://x");
      const nonce = randomBytes(16).toString("base64");
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}'`);
      if (url.searchParams.has("cookie")) res.setHeader("set-cookie", "flash=1");
      res.statusCode = url.pathname === "/weg" ? 404 : 200;
      res.write(`<html><body>render ${renders}`);
      res.end(`<script nonce="${nonce}">start()</script></body></html>`);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
    const body = await res.text();
    return {
      status: res.status,
      body,
      headerNonce: res.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1],
      bodyNonce: body.match(/nonce="([^"]+)"/)?.[1],
    };
  };
  return { get, renders: () => renders, advance: (ms: number) => (clock += ms) };
}

describe("visitor page cache", () => {
  it("renders a visitor's page once per few seconds, each copy with its own script nonce", async () => {
    const { get, renders, advance } = await start();
    const first = await get("/netwerken");
    const second = await get("/netwerken");
    expect(renders()).toBe(1);
    expect(second.body.replace(second.bodyNonce ?? "", "N")).toBe(
      first.body.replace(first.bodyNonce ?? "", "N"),
    );
    expect(second.bodyNonce).not.toBe(first.bodyNonce);
    expect(second.headerNonce).toBe(second.bodyNonce);
    expect(first.headerNonce).toBe(first.bodyNonce);
    // another address is another page
    await get("/netwerken?q=toetsing");
    expect(renders()).toBe(2);
    advance(5_001);
    expect((await get("/netwerken")).body).toContain("render 3");
  });

  it("always renders afresh for anyone with a cookie, and never keeps a personal answer", async () => {
    const { get, renders } = await start();
    await get("/", { cookie: "knooppunt_session=abc" });
    await get("/", { cookie: "knooppunt_session=abc" });
    expect(renders()).toBe(2);
    await get("/?cookie");
    await get("/?cookie");
    expect(renders()).toBe(4);
    expect((await get("/weg")).status).toBe(404);
    await get("/weg");
    expect(renders()).toBe(6);
    // an anonymous page outside the public list (a reset link, a survey) is never kept
    await get("/wachtwoord-herstellen/abc");
    await get("/wachtwoord-herstellen/abc");
    expect(renders()).toBe(8);
  });
});
