import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { createTestDatabase } from "../../tests/test-database.ts";
import { fileResponse, maxUploadBytes, storeUpload } from "./files.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

describe("uploads", () => {
  it("judges a file by its bytes, not by the name or type the browser claims", async () => {
    const disguised = new File(["<html><script>alert(1)</script></html>"], "verslag.pdf", {
      type: "application/pdf",
    });
    await expect(
      storeUpload(database.db, "file", disguised, crypto.randomUUID()),
    ).rejects.toMatchObject({
      field: "file",
      messageKey: "file.typeNotAllowed",
    });
    const htmlAsText = new File(["<script>alert(1)</script>"], "notities.txt", {
      type: "text/plain",
    });
    await expect(
      storeUpload(database.db, "file", htmlAsText, crypto.randomUUID()),
    ).rejects.toMatchObject({
      messageKey: "file.typeNotAllowed",
    });
    const stored = await storeUpload(
      database.db,
      "file",
      new File([pdf], "presentatie<1>.pdf", { type: "text/html" }),
      crypto.randomUUID(),
    );
    const response = await fileResponse(database.db, stored.id);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename*=UTF-8''presentatie_1_.pdf",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
  });

  it("refuses a file over 10 MB", async () => {
    const big = new File([Buffer.alloc(maxUploadBytes + 1)], "groot.pdf");
    await expect(storeUpload(database.db, "file", big, crypto.randomUUID())).rejects.toMatchObject({
      messageKey: "file.tooLarge",
    });
  });
});
