import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "#app/db/client.server.ts";

/**
 * A clean database per test file: a fresh in-memory PGlite, or a fresh database on the
 * PostgreSQL server in TEST_DATABASE_URL. The postgres project never skips: without a
 * server it fails and says how to get one.
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB !== "postgres") return openDatabase({ memory: true });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error(
      "TEST_DATABASE_URL ontbreekt: de PostgreSQL-tests draaien altijd. Gebruik ./knooppunt test (start zelf een PostgreSQL) of zet TEST_DATABASE_URL.",
    );
  }
  const name = `knooppunt_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
