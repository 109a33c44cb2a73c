import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { liveLockHolder, openDatabase } from "./client.server.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function freshDataDir() {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-lock-"));
  cleanups.push(() => fs.rmSync(parent, { recursive: true, force: true }));
  return { dataDir: path.join(parent, "pglite"), lockPath: path.join(parent, "pglite.lock") };
}

/** Another live process, as after a crash when the old pid went to someone else. */
function otherLiveProcess() {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  cleanups.push(() => child.kill("SIGKILL"));
  return child.pid as number;
}

describe("the PGlite lock file", () => {
  it("takes over a lock whose pid now belongs to another live process", async () => {
    if (process.env.TEST_DB === "postgres") return; // a PGlite matter; runs once
    const { dataDir, lockPath } = freshDataDir();
    const pid = otherLiveProcess();
    fs.writeFileSync(lockPath, `${pid} 1`); // started at tick 1: not the sleep we just spawned
    expect(liveLockHolder(dataDir)).toBeNull();
    const database = await openDatabase({ dataDir });
    await database.close();
  });

  it("refuses a second process that really holds the folder, and says what to do", async () => {
    if (process.env.TEST_DB === "postgres") return;
    const { dataDir, lockPath } = freshDataDir();
    const pid = otherLiveProcess();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const started = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    fs.writeFileSync(lockPath, `${pid} ${started}`);
    expect(liveLockHolder(dataDir)).toBe(pid);
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      /in gebruik door proces .*verwijder dan/s,
    );
  });
});
