import { eq } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { users } from "#app/db/schema/index.ts";
import { setAvatar } from "#app/modules/accounts/avatar.server.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { actorFor, buildUser } from "../../../tests/factories/index.ts";
import { setUpRouteDatabase } from "../route-test-support.ts";
import { requestState } from "../session.server.ts";
import { loader } from "./person-photo.ts";

// The photo as the browser gets it: only for signed-in members, with headers that keep it an
// image, and cached by the file's id.

setUpRouteDatabase("knooppunt-photo-");

async function get(actor: MaybeActor, userId: string, query = "", headers: HeadersInit = {}) {
  const context = new RouterContextProvider();
  context.set(requestState, { actor, sessionToken: null, sessionIdHash: null, locale: "nl" });
  const request = new Request(`http://localhost/mensen/${userId}/foto${query}`, { headers });
  try {
    return await loader({ request, params: { userId }, context } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const refusal = thrown as { init?: { status?: number } };
    return new Response(null, { status: refusal.init?.status ?? 500 });
  }
}

describe("/mensen/:userId/foto", () => {
  it("serves the photo to members as a WebP that cannot be sniffed into anything else; visitors log in; disabled is 404", async () => {
    const db = await getDb();
    const owner = await buildUser(db);
    const viewer = await actorFor(db, await buildUser(db));
    const jpeg = await sharp({
      create: { width: 300, height: 200, channels: 3, background: "#123" },
    })
      .jpeg()
      .toBuffer();
    const fileId = await setAvatar(
      db,
      await actorFor(db, owner),
      owner.id,
      new File([new Uint8Array(jpeg)], "ik.jpg"),
    );

    const response = await get(viewer, owner.id, `?v=${fileId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/webp");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("ETag")).toBe(`"${fileId}"`);
    expect(response.headers.get("Cache-Control")).toMatch(/^private, max-age=\d+, immutable$/);
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(256);

    // Without the file's id in the URL: asked again each time, and unchanged is a 304.
    expect((await get(viewer, owner.id)).headers.get("Cache-Control")).toBe("private, no-cache");
    expect((await get(viewer, owner.id, "", { "If-None-Match": `"${fileId}"` })).status).toBe(304);

    const visitor = await get(null, owner.id);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toContain("/inloggen");
    expect((await get(viewer, "geen-id")).status).toBe(404);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, owner.id));
    expect((await get(viewer, owner.id, `?v=${fileId}`)).status).toBe(404);
  });
});
