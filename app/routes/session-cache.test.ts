import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { organisationMembers, sessions, users } from "#app/db/schema/index.ts";
import { setLocale } from "#app/modules/accounts/accounts.server.ts";
import { endAllSessions, endSessionById } from "#app/modules/accounts/sessions.server.ts";
import { hashToken } from "#app/platform/tokens.server.ts";
import {
  addToOrganisation,
  buildOrganisation,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../tests/factories/index.ts";
import { setUpRouteDatabase } from "./route-test-support.ts";
import { loadRequestState, startSession } from "./session.server.ts";

// The session middleware keeps who is signed in for a few seconds per process; these are the
// promises that cache must keep: in this process a change shows on the very next request.

setUpRouteDatabase("knooppunt-session-cache-");

afterEach(() => {
  vi.useRealTimers();
});

/** Logs in as the login page does and returns the Cookie header the browser sends back. */
async function logIn(userId: string) {
  const request = new Request("http://localhost/inloggen", { method: "POST" });
  const setCookie = await startSession(userId, request, {
    actor: null,
    sessionToken: null,
    sessionIdHash: null,
    locale: "nl",
  });
  const cookie = setCookie.split(";")[0] as string;
  return { cookie, token: decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)) };
}

function pageView(cookie: string) {
  return loadRequestState(new Request("http://localhost/", { headers: { cookie } }));
}

describe("who is signed in, per request", () => {
  it("refuses a session on the very next request after it was logged out elsewhere", async () => {
    const db = await getDb();
    const user = await buildUser(db);
    const phone = await logIn(user.id);
    const laptop = await logIn(user.id);
    expect((await pageView(phone.cookie)).actor?.userId).toBe(user.id);
    expect((await pageView(laptop.cookie)).actor?.userId).toBe(user.id);

    // From the laptop's sessions page: end the phone's session.
    await endSessionById(db, user.id, hashToken(phone.token));
    expect((await pageView(phone.cookie)).actor).toBeNull();
    expect((await pageView(laptop.cookie)).actor?.userId).toBe(user.id);

    // "Log out everywhere".
    await endAllSessions(db, user.id);
    expect((await pageView(laptop.cookie)).actor).toBeNull();
  });

  it("shows a new or withdrawn role on the very next request", async () => {
    const db = await getDb();
    const user = await buildUser(db);
    const { cookie } = await logIn(user.id);
    expect((await pageView(cookie)).actor?.grants).toEqual([]);

    const programme = await buildProgramme(db);
    await makeCoordinator(db, user.id, programme.id);
    expect((await pageView(cookie)).actor?.grants).toContainEqual(
      expect.objectContaining({ role: "programme-coordinator", scopeId: programme.id }),
    );

    const school = await buildOrganisation(db);
    await addToOrganisation(db, user.id, school.id, "admin");
    expect((await pageView(cookie)).actor?.grants).toContainEqual({
      role: "organisation-admin",
      scopeId: school.id,
    });

    await db.delete(organisationMembers).where(eq(organisationMembers.userId, user.id));
    expect((await pageView(cookie)).actor?.grants).not.toContainEqual(
      expect.objectContaining({ scopeId: school.id }),
    );
  });

  it("shows a changed name and language, and refuses a disabled account, at once", async () => {
    const db = await getDb();
    const user = await buildUser(db, { name: "Anna de Vries" });
    const { cookie } = await logIn(user.id);
    expect((await pageView(cookie)).actor?.name).toBe("Anna de Vries");

    await db.update(users).set({ name: "Anna Jansen" }).where(eq(users.id, user.id));
    await setLocale(db, user.id, "en");
    const after = await pageView(cookie);
    expect(after.actor?.name).toBe("Anna Jansen");
    expect(after.locale).toBe("en");

    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await pageView(cookie)).actor).toBeNull();
  });

  it("refuses a session once its lifetime is over, even while it is cached", async () => {
    const db = await getDb();
    const user = await buildUser(db);
    const { cookie, token } = await logIn(user.id);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 2_000) })
      .where(eq(sessions.idHash, hashToken(token)));
    expect((await pageView(cookie)).actor?.userId).toBe(user.id);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3_000);
    expect((await pageView(cookie)).actor).toBeNull();
  });

  it("does not write on a page view, and moves the idle timeout on at most once in a while", async () => {
    const db = await getDb();
    const user = await buildUser(db);
    const { cookie, token } = await logIn(user.id);
    const lastSeen = async () =>
      (
        await db
          .select({ at: sessions.lastSeenAt })
          .from(sessions)
          .where(eq(sessions.idHash, hashToken(token)))
      )[0]?.at.getTime();
    const fresh = await lastSeen();
    await pageView(cookie);
    await pageView(cookie);
    expect(await lastSeen()).toBe(fresh);

    // Ten minutes later (idle timeout: a week) the next view records that the person was here.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    expect((await pageView(cookie)).actor?.userId).toBe(user.id);
    const touched = await lastSeen();
    expect(touched).toBeGreaterThan(fresh as number);
    await pageView(cookie);
    expect(await lastSeen()).toBe(touched);
  });

  it("records activity at login and at most hourly after, withdrawing an inactivity warning", async () => {
    const db = await getDb();
    const user = await buildUser(db);
    const longAgo = new Date(Date.now() - 1000 * 24 * 60 * 60_000);
    await db
      .update(users)
      .set({ lastActiveAt: longAgo, inactivityWarnedAt: longAgo })
      .where(eq(users.id, user.id));
    const activity = async () =>
      (
        await db
          .select({ at: users.lastActiveAt, warned: users.inactivityWarnedAt })
          .from(users)
          .where(eq(users.id, user.id))
      )[0];
    const { cookie } = await logIn(user.id);
    const atLogin = await activity();
    expect(atLogin?.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(atLogin?.warned).toBeNull();

    // Within the hour: page views write nothing.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 30 * 60_000);
    await pageView(cookie);
    expect((await activity())?.at.getTime()).toBe(atLogin?.at.getTime());

    // Two hours on (the session's idle timeout is longer), a warning that went out meanwhile is
    // withdrawn by the next page view.
    await db.update(users).set({ inactivityWarnedAt: new Date() }).where(eq(users.id, user.id));
    vi.setSystemTime(Date.now() + 90 * 60_000);
    expect((await pageView(cookie)).actor?.userId).toBe(user.id);
    const later = await activity();
    expect(later?.at.getTime()).toBeGreaterThan(atLogin?.at.getTime() as number);
    expect(later?.warned).toBeNull();
  });
});
