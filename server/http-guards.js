// Guards in front of the app: what must be refused before React Router sees a request.
// Plain JavaScript, because server.js runs without a build step.

/** Uploads are at most 10 MB (the form says so); this counts the bytes read, chunked or not. */
const defaultMaxBodyBytes = 12 * 1024 * 1024;

/** How many proxies in front of us append to X-Forwarded-For ("true" = one load balancer). */
export function proxyHops(setting) {
  if (setting === "true") return 1;
  return Number.parseInt(setting ?? "0", 10) || 0;
}

/**
 * The client address is the one the outermost trusted proxy saw: counted from the right,
 * because everything to its left is whatever the client chose to send.
 */
export function clientAddress(req, hops) {
  const chain = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const forwarded = hops > 0 && chain.length >= hops ? chain[chain.length - hops] : "";
  return forwarded || req.socket.remoteAddress || "unknown";
}

/** A plain Dutch refusal for what never reaches the app (it cannot render a page for it). */
export function refuse(res, status, message, { close = true, headers = {}, detail = "" } = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title><main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>${message}</h1>${detail ? `<p>${detail}</p>` : ""}<p><a href="/">Naar de beginpagina</a></p></main></html>`;
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    ...headers,
    ...(close ? { Connection: "close" } : {}),
  });
  res.end(body);
}

/**
 * Load shedding: at most `maxInFlight` requests in the app at once, at most `maxQueued` waiting
 * for a turn, none waiting longer than `maxWaitMs`. Past that the answer is an immediate 503
 * with Retry-After, so an overloaded process says "later" in milliseconds instead of building a
 * backlog that makes every page slow (and the load balancer can send the next one elsewhere).
 * Returns `admit(req, res, run)`: `run` is called once the request has its turn; the turn ends
 * when the response is finished or the connection drops.
 */
export function concurrencyLimit({ maxInFlight, maxQueued, maxWaitMs }) {
  let inFlight = 0;
  /** @type {{ start: () => void, timer: NodeJS.Timeout, gone: boolean }[]} */
  const waiting = [];
  const retryAfter = String(Math.max(1, Math.ceil(maxWaitMs / 1000)));

  function shed(req, res) {
    refuse(res, 503, "Knooppunt is even erg druk.", {
      detail:
        req.method === "GET" || req.method === "HEAD"
          ? "Probeer het over een paar seconden opnieuw."
          : "Wat je invulde, is niet verstuurd: ga terug en verstuur het over een paar seconden opnieuw.",
      headers: { "Retry-After": retryAfter },
      // An unread request body must not be taken for the next request on this connection.
      close: req.method !== "GET" && req.method !== "HEAD",
    });
  }

  function startNext() {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const next = waiting.shift();
      clearTimeout(next.timer);
      if (!next.gone) next.start();
    }
  }

  function admit(req, res, run) {
    const start = () => {
      inFlight++;
      let released = false;
      res.once("close", () => {
        if (released) return;
        released = true;
        inFlight--;
        startNext();
      });
      run();
    };
    if (inFlight < maxInFlight) {
      start();
      return;
    }
    if (waiting.length >= maxQueued) {
      shed(req, res);
      return;
    }
    const entry = { start, gone: false, timer: undefined };
    entry.timer = setTimeout(() => {
      entry.gone = true;
      const index = waiting.indexOf(entry);
      if (index >= 0) waiting.splice(index, 1);
      shed(req, res);
    }, maxWaitMs);
    // Someone who gave up waiting no longer needs a turn.
    res.once("close", () => {
      if (entry.gone) return;
      entry.gone = true;
      clearTimeout(entry.timer);
      const index = waiting.indexOf(entry);
      if (index >= 0) waiting.splice(index, 1);
    });
    waiting.push(entry);
  }

  return Object.assign(admit, {
    /** For tests and logs: how many run and wait now. */
    stats: () => ({ inFlight, waiting: waiting.length }),
  });
}

/** A Host header a URL can be built from (a broken one made the request adapter answer 500). */
export function hasUsableHost(req) {
  const host = req.headers.host;
  if (!host) return req.httpVersionMajor < 2 && req.httpVersion === "1.0";
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host);
}

/** A URL whose percent-encoding is broken or hides a NUL byte is refused, never passed on. */
export function isWellFormedUrl(url) {
  try {
    const decoded = decodeURIComponent(url.replaceAll("+", " "));
    return !decoded.includes("\0");
  } catch {
    return false;
  }
}

const tooLargeMessage =
  "Dit bestand is te groot: een bestand mag hoogstens 10 MB zijn. Ga terug en kies een kleiner bestand; wat je verder invulde, staat er nog.";

/**
 * Past this many bytes we stop listening politely and drop the connection. Below it, the rest of
 * a too-large body is read and thrown away, so the browser (still sending) gets to see the 413
 * instead of a connection reset.
 */
const discardCapBytes = 64 * 1024 * 1024;

function answerTooLarge(req, res, received) {
  const hopeless = Number(req.headers["content-length"] ?? 0) > discardCapBytes;
  refuse(res, 413, tooLargeMessage, { close: hopeless });
  if (hopeless) {
    res.once("finish", () => req.destroy());
    return;
  }
  let discarded = received;
  req.on("data", (chunk) => {
    discarded += chunk.length;
    if (discarded > discardCapBytes) req.destroy();
  });
  req.resume();
}

/**
 * Counts the body bytes as they arrive; past the limit the request is answered with 413 and the
 * app stops waiting for it, so neither a false Content-Length nor chunked encoding makes us
 * buffer more than the limit.
 */
export function limitBody(req, res, maxBodyBytes = defaultMaxBodyBytes) {
  // GET and HEAD bodies are never read by the app; Node discards them after the answer.
  if (req.method === "GET" || req.method === "HEAD") return true;
  if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) {
    answerTooLarge(req, res, 0);
    return false;
  }
  let received = 0;
  const count = (chunk) => {
    received += chunk.length;
    if (received <= maxBodyBytes) return;
    req.removeListener("data", count);
    req.pause();
    // Not from inside this 'data' event: the app's own listener still runs for this chunk after
    // ours, and enqueueing into a body that was just errored throws outside any try (it stopped
    // the server). Once the app has let go of the body, the rest is read and discarded.
    setImmediate(() => {
      if (req.listenerCount("error") > 0) {
        req.emit(
          "error",
          Object.assign(new Error("request body too large"), { code: "BODY_TOO_LARGE" }),
        );
      }
      answerTooLarge(req, res, received);
    });
  };
  req.on("data", count);
  return true;
}
