import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientAddress,
  hasUsableHost,
  isWellFormedUrl,
  limitBody,
  proxyHops,
} from "./http-guards.js";

/**
 * A real node:http server with the same guards as server.js, in front of a handler that reads
 * the body as the app's actions do (request.formData()).
 */
let server: http.Server;
let port: number;
let bodiesRead = 0;
/** Bytes the app-side handler received of the last request body. */
let bytesSeen = 0;
const limit = 64 * 1024;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!isWellFormedUrl(req.url ?? "/")) {
      res.writeHead(400).end("Dit adres klopt niet.");
      return;
    }
    if (!limitBody(req, res, limit)) return;
    const chunks: Buffer[] = [];
    bytesSeen = 0;
    // As the app's body stream does: on an error it lets go of the request.
    const onData = (chunk: Buffer) => {
      bytesSeen += chunk.length;
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("error", () => req.removeListener("data", onData));
    req.on("end", () => {
      bodiesRead++;
      res.writeHead(200).end(`gelezen ${Buffer.concat(chunks).length}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends a chunked body of `total` bytes and reports the status and how much was written before it. */
function postChunked(total: number) {
  return new Promise<{ status: number; written: number; body: string }>((resolve, reject) => {
    let written = 0;
    const req = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/inloggen",
      headers: {
        "Transfer-Encoding": "chunked",
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, written, body }));
    });
    req.on("error", (error) => {
      // The server may close the connection while we still write: that is the point.
      if (written > 0) resolve({ status: 413, written, body: "" });
      else reject(error);
    });
    const chunk = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (written < total) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe("the guards in front of the app", () => {
  it("answers a chunked body past the limit with 413 without reading the rest", async () => {
    const before = bodiesRead;
    const outcome = await postChunked(400 * limit);
    expect(outcome.status).toBe(413);
    expect(outcome.body).toContain("te groot");
    // The app saw at most the limit plus the chunk that crossed it, and never a finished body.
    expect(bytesSeen).toBeLessThanOrEqual(limit + 64 * 1024);
    expect(bodiesRead).toBe(before);
  });

  it("lets a body under the limit through, chunked or not", async () => {
    const outcome = await postChunked(limit / 2);
    expect(outcome.status).toBe(200);
    expect(outcome.body).toBe(`gelezen ${limit / 2}`);
  });

  it("refuses a declared Content-Length past the limit unread", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/inloggen`, {
      method: "POST",
      body: "x".repeat(limit + 1),
    });
    expect(response.status).toBe(413);
  });

  it("refuses malformed percent-encoding and NUL bytes, and keeps serving", async () => {
    expect(isWellFormedUrl("/%E0%A4%A")).toBe(false);
    expect(isWellFormedUrl("/netwerken?q=%00")).toBe(false);
    expect(isWellFormedUrl("/netwerken?q=caf%C3%A9+100%25")).toBe(true);
    const bad = await new Promise<number>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/%E0%A4%A" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
    });
    expect(bad).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "a=1" })).status).toBe(
      200,
    );
  });

  it("refuses a Host header no URL can be built from", () => {
    const req = (host: string | undefined) =>
      ({
        headers: host === undefined ? {} : { host },
        httpVersion: "1.1",
        httpVersionMajor: 1,
      }) as unknown as http.IncomingMessage;
    for (const bad of ["[", "a@b", "x%zz", "evil.test/x", "", undefined])
      expect(hasUsableHost(req(bad)), String(bad)).toBe(false);
    for (const good of ["localhost:3000", "knooppunt.example.nl", "127.0.0.1:3210", "[::1]:3000"])
      expect(hasUsableHost(req(good)), good).toBe(true);
  });

  it("takes the client address a trusted proxy saw, not one the client wrote", () => {
    const req = (forwarded: string | undefined) =>
      ({
        headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
        socket: { remoteAddress: "10.0.0.5" },
      }) as unknown as http.IncomingMessage;
    // The client sends its own header; the load balancer appends what it saw.
    expect(clientAddress(req("6.6.6.6, 203.0.113.7"), proxyHops("true"))).toBe("203.0.113.7");
    expect(clientAddress(req("6.6.6.6, 203.0.113.7, 10.0.0.2"), proxyHops("2"))).toBe(
      "203.0.113.7",
    );
    // Without a trusted proxy the header means nothing.
    expect(clientAddress(req("6.6.6.6"), proxyHops(undefined))).toBe("10.0.0.5");
    // Fewer entries than proxies: someone bypassed the proxy; use the socket.
    expect(clientAddress(req(undefined), proxyHops("true"))).toBe("10.0.0.5");
  });
});
