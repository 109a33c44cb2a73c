import { and, eq } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { notificationPreferences, outbox } from "#app/db/schema/index.ts";
import { unsubscribeToken } from "#app/platform/mail-unsubscribe.server.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { buildUser } from "../../../tests/factories/index.ts";
import { setUpRouteDatabase } from "../route-test-support.ts";
import { checkOrigin, requestState } from "../session.server.ts";
import { action, loader } from "./mail-unsubscribe.tsx";

// The link in a mail's List-Unsubscribe, as a link scanner (GET) and a mail client's one-click
// POST (RFC 8058: no cookie, no Origin of ours, body "List-Unsubscribe=One-Click") use it.

setUpRouteDatabase("knooppunt-unsubscribe-");

function args(token: string, method: "GET" | "POST", headers: HeadersInit = {}) {
  const context = new RouterContextProvider();
  context.set(requestState, { actor: null, sessionToken: null, sessionIdHash: null, locale: "nl" });
  const request = new Request(`http://localhost/afmelden/${token}`, {
    method,
    headers:
      method === "POST"
        ? { "content-type": "application/x-www-form-urlencoded", ...headers }
        : headers,
    ...(method === "POST" ? { body: "List-Unsubscribe=One-Click" } : {}),
  });
  return { request, params: { token }, context } as never;
}

function statusOf(result: unknown) {
  return (result as { init?: { status?: number } | null })?.init?.status ?? 200;
}

async function channel(userId: string, kind: string) {
  const db = await getDb();
  const [row] = await db
    .select({ channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
  return row?.channel ?? "both";
}

describe("/afmelden/:token", () => {
  it("stops that kind of mail on a one-click POST without session or CSRF token; opening the link stops nothing", async () => {
    const db = await getDb();
    const person = await buildUser(db);
    const token = await unsubscribeToken(db, person.id, { type: "kind", kind: "meeting-changed" });

    const page = await loader(args(token, "GET"));
    expect(statusOf(page)).toBe(200);
    expect(page).toMatchObject({ state: "ask", target: { type: "kind", kind: "meeting-changed" } });
    expect(await channel(person.id, "meeting-changed")).toBe("both");

    // A mail client's POST comes from no page of ours, and gets through the CSRF check.
    const oneClick = args(token, "POST", { origin: "https://mail.example" });
    await expect(checkOrigin((oneClick as { request: Request }).request)).resolves.toBeUndefined();
    const done = await action(oneClick);
    expect(statusOf(done)).toBe(200);
    expect(done).toMatchObject({ state: "done" });
    expect(await channel(person.id, "meeting-changed")).toBe("app");

    // The mail it stopped is no longer sent; another kind still is.
    const mail = {
      name: person.name,
      network: "N",
      before: "x",
      when: "y",
      link: "https://k.test/x",
    };
    await sendTemplatedMail(db, person, "mail.meetingMoved", mail);
    await sendTemplatedMail(db, person, "mail.meetingCancelled", mail);
    const sent = await db
      .select({ kind: outbox.kind })
      .from(outbox)
      .where(eq(outbox.to, person.email));
    expect(sent.map((row) => row.kind)).toEqual(["mail.meetingCancelled"]);
  });

  it("answers a token it did not sign with a 404 page that names nobody", async () => {
    const db = await getDb();
    const person = await buildUser(db);
    const real = await unsubscribeToken(db, person.id, { type: "all" });
    const forged = real.replace(/\.[^.]+$/, ".AAAAAAAAAAAAAAAAAAAAAA");
    for (const token of [forged, "onzin", real.replace("all", "k-meeting-changed")]) {
      const page = await loader(args(token, "GET"));
      expect(statusOf(page)).toBe(404);
      const posted = await action(args(token, "POST"));
      expect(statusOf(posted)).toBe(404);
      expect(JSON.stringify(posted)).not.toContain(person.email);
    }
    expect(await channel(person.id, "all-mail")).toBe("both");
  });

  it("keeps the CSRF check on every other path", async () => {
    const request = new Request("http://localhost/account/meldingen", {
      method: "POST",
      headers: {
        origin: "https://mail.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "x=1",
    });
    await expect(checkOrigin(request)).rejects.toMatchObject({ init: { status: 403 } });
  });
});
