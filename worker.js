// Knooppunt's worker: housekeeping, the job loop (reminders, digests, lapsed offers), the outbox
// sender and, with INBOUND_SMTP_PORT, the inbound SMTP server. It serves no pages. On PostgreSQL
// run one or more next to the web processes; on PGlite server.js does this itself, and a second
// process on the same data folder is refused by the lock.
import { loadApp, openOrExit, stopOnSignals } from "./server/boot.js";

const { platform } = await loadApp();
await openOrExit(platform, { worker: true });
console.log("Knooppunt-worker draait (taken, uitgaande en inkomende mail).");
// The worker's timers are unref'd (they must not hold the web process open on PGlite); this one
// keeps the worker alive until it is told to stop.
const alive = setInterval(() => {}, 60 * 60 * 1000);
stopOnSignals(async () => {
  clearInterval(alive);
  await platform.close();
});
