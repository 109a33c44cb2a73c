// ./knooppunt backup            -> backups/knooppunt-<time>.tar.gz (PGlite) or .dump (PostgreSQL)
// ./knooppunt backup --restore F -> restores a PGlite backup into an empty DATA_DIR
// PGlite: stop the server first (the lock file refuses a second process, on purpose).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { env } from "../app/core/env.server.ts";
import { liveLockHolder } from "../app/db/client.server.ts";

const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const backupDir = path.resolve(process.env.BACKUP_DIR ?? "backups");
const { DATA_DIR: dataDir, DATABASE_URL } = env();
const lockPath = path.join(path.resolve(dataDir), "..", `${path.basename(dataDir)}.lock`);

function refuseWhileRunning() {
  const pid = liveLockHolder(dataDir);
  if (!pid) return; // no lock, or a stale one from a crashed process
  console.error(
    `Knooppunt draait nog (proces ${pid}). Stop de server eerst; een PGlite-map mag maar door één proces open zijn.`,
  );
  process.exit(1);
}

const restoreIndex = process.argv.indexOf("--restore");
if (restoreIndex > 0) {
  const file = process.argv[restoreIndex + 1];
  if (!file || !fs.existsSync(file)) {
    console.error(
      "Geef het back-upbestand: ./knooppunt backup --restore backups/knooppunt-….tar.gz",
    );
    process.exit(1);
  }
  refuseWhileRunning();
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    console.error(
      `${dataDir} is niet leeg. Verplaats die map eerst, dan wordt er niets overschreven.`,
    );
    process.exit(1);
  }
  // A fresh checkout has no data/ folder yet.
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const db = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await db.close();
  console.log(`Teruggezet in ${dataDir}.`);
  process.exit(0);
}

fs.mkdirSync(backupDir, { recursive: true });
if (DATABASE_URL) {
  const target = path.join(backupDir, `knooppunt-${stamp}.dump`);
  const result = spawnSync("pg_dump", ["--format=custom", `--file=${target}`, DATABASE_URL], {
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Back-up gemaakt: ${target} (terugzetten met pg_restore).`);
} else {
  refuseWhileRunning();
  fs.writeFileSync(lockPath, String(process.pid));
  try {
    const db = await PGlite.create(dataDir);
    const dump = await db.dumpDataDir("gzip");
    await db.close();
    const target = path.join(backupDir, `knooppunt-${stamp}.tar.gz`);
    fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    console.log(`Back-up gemaakt: ${target}`);
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}
