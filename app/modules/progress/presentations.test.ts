import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { stepCompletions, storedFiles } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { actorFor, buildUser } from "../../../tests/factories/index.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { submitPresentation } from "./presentations.server.ts";
import { createProgressDatabase, setupProgressNetwork } from "./progress.fixtures.ts";

let database: Database;

beforeAll(async () => {
  database = await createProgressDatabase();
});

afterAll(async () => {
  await database?.close();
});

const setup = (minMeetings?: number) => setupProgressNetwork(database.db, minMeetings);

describe("the presentation file", () => {
  const pdf = (name: string) =>
    new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")], name);
  const filesOf = (userId: string) =>
    database.db
      .select({ id: storedFiles.id, name: storedFiles.name })
      .from(storedFiles)
      .where(eq(storedFiles.uploadedBy, userId));

  it("is stored only for a member with the step, and replaces the earlier one", async () => {
    const { db } = database;
    const { network, member, memberId } = await setup();
    const outsider = await actorFor(db, await buildUser(db));
    const input = { link: "", note: "" };
    await expect(
      submitPresentation(
        db,
        await authorizeNetwork(db, outsider, network.id),
        input,
        pdf("niet-van-mij.pdf"),
      ),
    ).rejects.toThrow(NotFoundError);
    expect(await filesOf(outsider.userId)).toEqual([]);

    await submitPresentation(
      db,
      await authorizeNetwork(db, member, network.id),
      input,
      pdf("eerste.pdf"),
    );
    await expect(
      submitPresentation(
        db,
        await authorizeNetwork(db, member, network.id),
        input,
        new File(["<html><script>alert(1)</script></html>"], "tweede.pdf"),
      ),
    ).rejects.toMatchObject({ field: "file", messageKey: "file.typeNotAllowed" });
    await submitPresentation(
      db,
      await authorizeNetwork(db, member, network.id),
      input,
      pdf("derde.pdf"),
    );
    const files = await filesOf(member.userId);
    expect(files.map((f) => f.name)).toEqual(["derde.pdf"]);
    const [completion] = await db
      .select({ fileId: stepCompletions.fileId })
      .from(stepCompletions)
      .where(eq(stepCompletions.memberId, memberId));
    expect(completion?.fileId).toBe(files[0]?.id);
  });
});
