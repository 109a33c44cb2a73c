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
export function refuse(res, status, message) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `<!doctype html><html lang="nl"><meta charset="utf-8"><title>${message}</title><h1>${message}</h1><p><a href="/">Naar de beginpagina</a></p></html>`;
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(body);
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

/**
 * Counts the body bytes as they arrive; past the limit the request is answered with 413 and the
 * connection closed, so neither a false Content-Length nor chunked encoding makes us buffer more.
 */
export function limitBody(req, res, maxBodyBytes = defaultMaxBodyBytes) {
  // GET and HEAD bodies are never read by the app; Node discards them after the answer.
  if (req.method === "GET" || req.method === "HEAD") return true;
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBodyBytes) {
    req.pause();
    refuse(res, 413, "Dit bestand of formulier is te groot (maximaal 10 MB per bestand).");
    req.destroy();
    return false;
  }
  let received = 0;
  const count = (chunk) => {
    received += chunk.length;
    if (received <= maxBodyBytes) return;
    req.removeListener("data", count);
    req.pause();
    refuse(res, 413, "Dit bestand of formulier is te groot (maximaal 10 MB per bestand).");
    // The app stops waiting for a body it will never get; its answer is discarded. Not from
    // inside this 'data' event: the app's own listener still runs for this chunk after ours, and
    // enqueueing into a body that was just errored throws outside any try (it stopped the server).
    setImmediate(() => {
      if (req.listenerCount("error") > 0) {
        req.emit(
          "error",
          Object.assign(new Error("request body too large"), { code: "BODY_TOO_LARGE" }),
        );
      }
    });
    res.once("finish", () => req.destroy());
  };
  req.on("data", count);
  return true;
}
