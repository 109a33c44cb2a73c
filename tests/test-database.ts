import { type Database, openDatabase } from "#app/db/client.server.ts";
import { createPostgresDatabase } from "./postgres-database.ts";

export { createPostgresDatabase };

/**
 * A clean database per test file: a fresh in-memory PGlite, or a fresh database on the
 * PostgreSQL server in TEST_DATABASE_URL. The postgres project never skips: without a
 * server it fails and says how to get one.
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB !== "postgres") return openDatabase({ memory: true });
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
