// The outside review's reproducers at the HTTP level, against the real server (server.js):
// each must end in a refusal or a Dutch message, and the server must keep serving.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { demoPassword, readMail } from "./support/fixtures.ts";
import { e2ePort } from "./support/paths.ts";

const origin = `http://localhost:${e2ePort}`;

/** A raw request, so nothing on our side normalises the URL or the headers first. */
function raw(options: http.RequestOptions, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: e2ePort, ...options }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      });
      req.on("error", reject);
      req.end(body);
    },
  );
}

async function serverStillAnswers() {
  expect((await raw({ path: "/" })).status).toBe(200);
}

test("a malformed URL is a 400 and the server keeps running", async () => {
  const answer = await raw({ path: "/%E0%A4%A" });
  expect(answer.status).toBe(400);
  expect(answer.body).toContain("Dit adres klopt niet");
  await serverStillAnswers();
});

test("NUL bytes in a search are a 400 in Dutch, not a 500", async ({ request }) => {
  for (const path of ["/netwerken?q=%00", "/goede-voorbeelden?q=%00", "/mensen?q=a%00b"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
});

test("a chunked body past the limit is refused without logging in, and the server lives on", async () => {
  const status = await new Promise<number>((resolve, reject) => {
    let written = 0;
    const req = http.request({
      host: "127.0.0.1",
      port: e2ePort,
      method: "POST",
      path: "/inloggen",
      headers: {
        host: `localhost:${e2ePort}`,
        origin,
        "content-type": "multipart/form-data; boundary=x",
        "transfer-encoding": "chunked",
      },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error) => (written > 12 * 1024 * 1024 ? resolve(413) : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, "a");
    const pump = () => {
      while (written < 64 * 1024 * 1024) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    req.write('--x\r\nContent-Disposition: form-data; name="password"\r\n\r\n');
    pump();
  });
  expect(status).toBe(413);
  await serverStillAnswers();
});

test("multipart without a boundary is a 400 on every form, not a 500", async ({ request }) => {
  for (const path of [
    "/inloggen",
    "/registreren",
    "/wachtwoord-vergeten",
    "/inloggen/link",
    "/taal",
  ]) {
    const response = await request.post(path, {
      headers: { origin, "content-type": "multipart/form-data" },
      data: "email=a",
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(400);
  }
});

test("after logging in, a crafted return path stays on our site", async ({ request }) => {
  const response = await request.post("/inloggen", {
    headers: { origin },
    form: { email: "deelnemer@knooppunt.test", password: demoPassword, terug: "/\t/evil.test/x" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe("/");
  const again = await request.get("/inloggen?terug=/%09/evil.test/x", { maxRedirects: 0 });
  expect(again.headers().location).toBe("/");
  // What a signed-in person sees is not kept by caches.
  const profile = await request.get("/profiel");
  expect(profile.headers()["cache-control"]).toContain("no-store");
});

test("an oversized password is refused at the field, not hashed", async ({ request }) => {
  const response = await request.post("/inloggen", {
    headers: { origin },
    form: { email: "deelnemer@knooppunt.test", password: "a".repeat(200_000) },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("hoogstens 128 tekens");
});

test("the login limit answers 429 with Retry-After", async ({ request }) => {
  const form = { email: "bestaat-niet-429@knooppunt.test", password: "verkeerd-wachtwoord" };
  let last = await request.post("/inloggen", { headers: { origin }, form, maxRedirects: 0 });
  for (let i = 0; i < 12 && last.status() !== 429; i++) {
    last = await request.post("/inloggen", { headers: { origin }, form, maxRedirects: 0 });
  }
  expect(last.status()).toBe(429);
  expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);
});

test("a reset link is built from our own address, never from the Host header", async () => {
  const since = Date.now();
  const email = "theo.smit@knooppunt.test";
  // Host and Origin agree, so the CSRF check passes: only the link's address can go wrong.
  const answer = await raw(
    {
      method: "POST",
      path: "/wachtwoord-vergeten",
      headers: {
        host: "evil.test",
        origin: "http://evil.test",
        "content-type": "application/x-www-form-urlencoded",
      },
    },
    `email=${encodeURIComponent(email)}`,
  );
  expect(answer.status).toBe(200);
  const mail = await readMail(email, /nieuw wachtwoord/, since);
  expect(mail.text).not.toContain("evil.test");
  expect(mail.text).toContain(`${origin}/wachtwoord-herstellen/`);
});
