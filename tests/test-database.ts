import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Database, openDatabase } from "#app/db/client.server.ts";
import { createPostgresDatabase } from "./postgres-database.ts";

export { createPostgresDatabase };

/**
 * A clean database per test file: a fresh in-memory PGlite, or a fresh database on the
 * PostgreSQL server in TEST_DATABASE_URL. The postgres project never skips: without a
 * server it fails and says how to get one.
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB !== "postgres") {
    return openDatabase({ memory: true, loadDataDir: await migratedPgliteTemplate() });
  }
  const fresh = await createPostgresDatabase("knooppunt_t");
  const database = await openDatabase({ url: fresh.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

const migrationsFolder = path.resolve(import.meta.dirname, "../db/migrations");

/**
 * Migrating a fresh PGlite costs seconds per test file; loading a dump of one migrated database
 * costs a fraction. The dump is kept in the temp folder under a hash of the migrations, so a new
 * migration makes a new one; openDatabase still runs the migrator, which finds nothing to do.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  const templatePath = path.join(
    os.tmpdir(),
    `knooppunt-pglite-template-${hash.digest("hex").slice(0, 16)}.tar`,
  );
  if (!fs.existsSync(templatePath)) {
    const database = await openDatabase({ memory: true });
    const dump = await (
      database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }
    ).$client.dumpDataDir("none");
    await database.close();
    // Written aside and renamed: a parallel worker never reads half a file.
    const partial = `${templatePath}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, templatePath);
  }
  return new Blob([fs.readFileSync(templatePath)]);
}
