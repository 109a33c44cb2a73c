import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import { closeDatabase, getDb } from "#app/db/client.server.ts";
import { buddyAgreements, buddyMeetings, buddyNotes } from "#app/db/schema/index.ts";
import { authorizeNetwork } from "#app/modules/networks/network-access.server.ts";
import { formBuddyGroup } from "#app/modules/peergroups/buddies.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createPostgresDatabase } from "../../../tests/test-database.ts";
import { middleware as networkLayout } from "../networks/layout.tsx";
import { requestState } from "../session.server.ts";
import { middleware as groupLayout } from "./buddy-layout.tsx";
import { action } from "./buddy-space.tsx";

// The buddy space's action as React Router runs it: below the network's and the group's layout
// middleware, against the process-wide database the routes use.

let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  if (process.env.TEST_DB === "postgres") {
    const fresh = await createPostgresDatabase("knooppunt_t");
    process.env.DATABASE_URL = fresh.url;
    resetEnvForTests();
    cleanup = fresh.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-routes-"));
    process.env.DATA_DIR = dir;
    resetEnvForTests();
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await getDb();
});
afterAll(async () => {
  await closeDatabase();
  await cleanup();
  delete process.env.DATABASE_URL;
  delete process.env.DATA_DIR;
  resetEnvForTests();
});

type Middleware = (args: never, next: () => Promise<unknown>) => Promise<unknown>;

/** Posts a form to the buddy space as the given person; the status the browser would get. */
async function post(actor: Actor, networkId: string, groupId: string, form: object) {
  const context = new RouterContextProvider();
  context.set(requestState, { actor, sessionToken: null, sessionIdHash: null, locale: "nl" });
  const request = new Request(`http://localhost/netwerken/${networkId}/maatjes/${groupId}`, {
    method: "POST",
    body: new URLSearchParams(form as Record<string, string>),
  });
  const args = { request, params: { networkId, groupId }, context } as never;
  const chain = [...networkLayout, ...groupLayout] as Middleware[];
  const run = (i: number): Promise<unknown> =>
    i < chain.length ? (chain[i] as Middleware)(args, () => run(i + 1)) : action(args);
  try {
    const result = (await run(0)) as { init?: { status?: number } | null } | Response;
    return result instanceof Response ? result.status : (result?.init?.status ?? 200);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    const status = (thrown as { init?: { status?: number } }).init?.status;
    if (status) return status;
    throw thrown;
  }
}

async function buddyGroup() {
  const db = await getDb();
  const network = await buildNetwork(db, { openness: "closed" });
  const [guide, member, buddy, outsider] = await Promise.all([0, 1, 2, 3].map(() => buildUser(db)));
  if (!guide || !member || !buddy || !outsider) throw new Error("setup");
  await addNetworkMember(db, network.id, guide.id, "facilitator");
  await addNetworkMember(db, network.id, member.id, "deelnemer");
  await addNetworkMember(db, network.id, buddy.id, "deelnemer");
  const asGuide = await authorizeNetwork(db, await actorFor(db, guide), network.id);
  const groupId = await formBuddyGroup(db, asGuide, [member.id, buddy.id]);
  return {
    db,
    networkId: network.id,
    groupId,
    guide: asGuide.actor,
    member: await actorFor(db, member),
    outsider: await actorFor(db, outsider),
  };
}

describe("the buddy space's forms", () => {
  it("refuse an intent the space does not know, and write nothing (it used to save a note)", async () => {
    const { db, networkId, groupId, member } = await buddyGroup();
    const everything = { body: "Dit had nergens mogen landen.", text: "Ook dit niet." };
    // Names every object has (a handler map must not answer them from its prototype) count too.
    const unknown = ["", "notitie", "agreement-delete", "meeting-cancel"];
    const inherited = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
    for (const intent of [...unknown, ...inherited])
      expect(await post(member, networkId, groupId, { intent, ...everything })).toBe(400);
    // A second field that parses onto the intent ("intent[0]") cannot swap the checked one.
    expect(
      await post(member, networkId, groupId, {
        intent: "note",
        "intent[0]": "agreement",
        ...everything,
      }),
    ).toBe(400);
    const written = {
      notes: await db.select().from(buddyNotes).where(eq(buddyNotes.groupId, groupId)),
      agreements: await db
        .select()
        .from(buddyAgreements)
        .where(eq(buddyAgreements.groupId, groupId)),
      meetings: await db.select().from(buddyMeetings).where(eq(buddyMeetings.groupId, groupId)),
    };
    expect(written).toEqual({ notes: [], agreements: [], meetings: [] });
    // The same post with the note's own intent is saved: the refusal was the intent's.
    expect(await post(member, networkId, groupId, { intent: "note", ...everything })).toBe(302);
    const notes = await db.select().from(buddyNotes).where(eq(buddyNotes.groupId, groupId));
    expect(notes.map((n) => n.body)).toEqual(["Dit had nergens mogen landen."]);
  });

  it("are the group's own: the guide who formed it and a stranger get the group's 404", async () => {
    const { networkId, groupId, guide, outsider, member } = await buddyGroup();
    for (const actor of [guide, outsider])
      for (const intent of ["note", "bogus"])
        expect(await post(actor, networkId, groupId, { intent, body: "Hallo" })).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await post(member, networkId, unknown, { intent: "note", body: "Hallo" })).toBe(404);
  });
});
