// A few seconds' memory of the public pages visitors see (no cookie at all): the home page and the
// catalogue are the same for every visitor, so a burst of them is rendered once, not each time.
// Signed-in people (any cookie) always get a fresh render: their pages are their own. Only the
// paths given are kept: other anonymous pages may carry a token or change after a visitor's post
// (reset links, surveys), and the browser is still told `no-store` for all of them.
import { randomBytes } from "node:crypto";

const cspNonce = /'nonce-([A-Za-z0-9+/=]+)'/;

/**
 * @param {{ paths: RegExp[], ttlMs?: number, maxEntries?: number, maxBytes?: number, now?: () => number }} options
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, render: () => void) => void}
 */
export function visitorPageCache({
  paths,
  ttlMs = 5_000,
  // Bounded by what a stranger can make us keep (every search is its own address): at most
  // 100 pages of 256 KB, about 25 MB.
  maxEntries = 100,
  maxBytes = 256 * 1024,
  now = Date.now,
} = {}) {
  /** @type {Map<string, { at: number, status: number, headers: Record<string, string | string[]>, parts: string[] }>} */
  const pages = new Map();

  return (req, res, render) => {
    if (!ttlMs || !cacheable(req, paths)) return render();
    const key = `${req.headers.host ?? ""} ${req.url}`;
    const hit = pages.get(key);
    if (hit && now() - hit.at < ttlMs) return replay(res, hit, req.method === "HEAD");
    if (hit) pages.delete(key);
    if (req.method === "HEAD") return render();

    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    /** @param {unknown} chunk */
    const keep = (chunk) => {
      if (chunk == null || typeof chunk === "function" || size > maxBytes) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk));
      size += buffer.length;
      chunks.push(buffer);
    };
    res.write = /** @type {typeof res.write} */ (
      (chunk, ...rest) => {
        keep(chunk);
        return write(chunk, ...rest);
      }
    );
    res.end = /** @type {typeof res.end} */ (
      (chunk, ...rest) => {
        keep(chunk);
        return end(chunk, ...rest);
      }
    );
    res.on("finish", () => {
      const headers = res.getHeaders();
      const type = String(headers["content-type"] ?? "");
      if (
        res.statusCode !== 200 ||
        size > maxBytes ||
        headers["set-cookie"] ||
        !type.startsWith("text/html")
      ) {
        return;
      }
      const body = Buffer.concat(chunks).toString("utf8");
      // The script nonce must differ per response: keep the page split around it, so each
      // replay can be stitched together with a fresh one (header and body alike).
      const nonce = String(headers["content-security-policy"] ?? "").match(cspNonce)?.[1];
      if (!nonce && /<script\b/.test(body)) return;
      pages.set(key, {
        at: now(),
        status: res.statusCode,
        headers: /** @type {Record<string, string | string[]>} */ (
          Object.fromEntries(
            Object.entries(headers).filter(
              ([name]) => name !== "content-length" && name !== "transfer-encoding",
            ),
          )
        ),
        parts: nonce ? body.split(nonce) : [body],
      });
      if (pages.size > maxEntries) pages.delete(pages.keys().next().value ?? "");
    });
    render();
  };
}

/** Only what every visitor gets alike: GET/HEAD of a public path, no cookie, no credentials. */
function cacheable(
  /** @type {import("node:http").IncomingMessage} */ req,
  /** @type {RegExp[]} */ paths,
) {
  if ((req.method !== "GET" && req.method !== "HEAD") || req.headers.cookie) return false;
  if (req.headers.authorization) return false;
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  return paths.some((path) => path.test(pathname));
}

function replay(
  /** @type {import("node:http").ServerResponse} */ res,
  /** @type {{ status: number, headers: Record<string, string | string[]>, parts: string[] }} */ page,
  /** @type {boolean} */ headOnly,
) {
  const nonce = randomBytes(16).toString("base64");
  const body = Buffer.from(page.parts.join(nonce), "utf8");
  for (const [name, value] of Object.entries(page.headers)) {
    res.setHeader(
      name,
      name === "content-security-policy"
        ? String(value).replace(cspNonce, `'nonce-${nonce}'`)
        : value,
    );
  }
  res.setHeader("content-length", body.length);
  res.writeHead(page.status);
  res.end(headOnly ? undefined : body);
}
