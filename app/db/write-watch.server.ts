/*
 * Tells in-process caches that a table they copy from was written, whoever wrote it. It sees
 * every statement Drizzle sends (client.server.ts installs it as the logger), so a new write
 * path in some module cannot forget to invalidate: the session cache (routes/session.server.ts)
 * relies on this for logout, password change, role and profile changes alike.
 *
 * Only this process's writes are seen. Another app process behind the load balancer writes to
 * the same PostgreSQL unseen, which is why such caches keep a short lifetime.
 */

interface Watch {
  pattern: RegExp;
  ignore?: RegExp;
  onWrite: () => void;
}

const watches: Watch[] = [];
/** When a watched write was last seen: its transaction's commit must clear the caches again. */
let lastWatchedWriteAt = 0;
const commitWindowMs = 5_000;

/**
 * Calls `onWrite` when an insert, update, delete or truncate touches one of `tables` — when the
 * statement is sent, and again at the next commit or rollback of a transaction. The second call
 * matters: between the statement and its commit another request still reads the old rows and
 * may have cached them. (Commits within a few seconds of any watched write count; which
 * transaction wrote is not known here, and clearing once too often only costs a reload.)
 */
export function watchWrites(
  tables: string[],
  onWrite: () => void,
  options: { ignore?: RegExp } = {},
) {
  const names = tables.map((table) => table.replace(/[^a-z_]/g, "")).join("|");
  watches.push({
    pattern: new RegExp(
      `^\\s*(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?)\\s+"?(?:${names})"?[\\s(,;]`,
      "i",
    ),
    ignore: options.ignore,
    onWrite,
  });
}

/** Drizzle's logQuery hook: cheap for reads, which start with "select" or "with". */
export function noteStatement(sql: string) {
  if (watches.length === 0) return;
  const first = sql.charCodeAt(0) | 0x20;
  // i(nsert), u(pdate), d(elete), t(runcate), c(ommit), r(ollback)
  if (first !== 0x69 && first !== 0x75 && first !== 0x64 && first !== 0x74) {
    if ((first === 0x63 || first === 0x72) && /^(commit|rollback)\b/i.test(sql)) {
      if (Date.now() - lastWatchedWriteAt < commitWindowMs) for (const w of watches) w.onWrite();
    }
    return;
  }
  for (const watch of watches) {
    if (watch.pattern.test(sql) && !watch.ignore?.test(sql)) {
      lastWatchedWriteAt = Date.now();
      watch.onWrite();
    }
  }
}
