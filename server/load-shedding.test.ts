import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { concurrencyLimit } from "./http-guards.js";

/**
 * A real node:http server with server.js's limiter in front of a slow page: one request at a
 * time, one may wait. What a visitor notices is whether they get the page or a quick 503.
 */
let server: http.Server | undefined;

afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function start(options: { maxInFlight: number; maxQueued: number; maxWaitMs: number }) {
  const admit = concurrencyLimit(options);
  server = http.createServer((req, res) => {
    admit(req, res, () => {
      const delay = Number(new URL(req.url ?? "/", "http://x").searchParams.get("ms") ?? 0);
      setTimeout(() => res.writeHead(200).end("pagina"), delay);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = async (path: string, init: RequestInit = {}) => {
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}${path}`, init);
    return {
      status: res.status,
      retryAfter: res.headers.get("retry-after"),
      body: await res.text(),
      ms: Date.now() - started,
    };
  };
  return { admit, get, port };
}

describe("load shedding", () => {
  it("serves one, lets one wait, and tells the third at once to come back later", async () => {
    const { get } = await start({ maxInFlight: 1, maxQueued: 1, maxWaitMs: 5_000 });
    const first = get("/?ms=300");
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = get("/?ms=10");
    await new Promise((resolve) => setTimeout(resolve, 30));
    const third = await get("/?ms=10");
    expect(third.status).toBe(503);
    expect(third.retryAfter).toBe("5");
    expect(third.body).toContain("Knooppunt is even erg druk.");
    expect(third.ms).toBeLessThan(250); // not after the others: that would be the backlog
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    // The turns were given back: the next visitor gets the page.
    expect((await get("/")).status).toBe(200);
  });

  it("answers 503 to whoever waited too long, and serves the next one normally", async () => {
    const { get } = await start({ maxInFlight: 1, maxQueued: 10, maxWaitMs: 100 });
    const slow = get("/?ms=400");
    await new Promise((resolve) => setTimeout(resolve, 30));
    const waited = await get("/");
    expect(waited.status).toBe(503);
    expect(waited.retryAfter).toBe("1");
    expect((await slow).status).toBe(200);
    expect((await get("/")).status).toBe(200);
  });

  it("gives the turn back when a visitor hangs up, waiting or being served", async () => {
    const { admit, get } = await start({ maxInFlight: 1, maxQueued: 1, maxWaitMs: 5_000 });
    const abortServed = new AbortController();
    const served = get("/?ms=300", { signal: abortServed.signal }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const abortWaiting = new AbortController();
    const waiting = get("/?ms=10", { signal: abortWaiting.signal }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(admit.stats()).toEqual({ inFlight: 1, waiting: 1 });
    abortWaiting.abort();
    abortServed.abort();
    await Promise.all([served, waiting]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(admit.stats()).toEqual({ inFlight: 0, waiting: 0 });
    expect((await get("/")).status).toBe(200);
  });

  it("closes the connection after refusing a form post, whose body it did not read", async () => {
    const { get, port } = await start({ maxInFlight: 1, maxQueued: 0, maxWaitMs: 5_000 });
    const busy = get("/?ms=200");
    await new Promise((resolve) => setTimeout(resolve, 30));
    const refused = await new Promise<{ status: number; connection: string | undefined }>(
      (resolve, reject) => {
        const req = http.request(
          { host: "127.0.0.1", port, method: "POST", path: "/inloggen" },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
          },
        );
        req.on("error", reject);
        req.end("email=a%40b.nl");
      },
    );
    expect(refused).toEqual({ status: 503, connection: "close" });
    expect((await busy).status).toBe(200);
  });
});
