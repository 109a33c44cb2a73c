import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import type { EntryContext } from "react-router";
import { isRouteErrorResponse, ServerRouter } from "react-router";
import { env, productionProblems } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import { closeDatabase, getDatabase } from "#app/db/client.server.ts";
import { NonceProvider } from "#app/ui/nonce.tsx";
import { startWorker, stopWorker } from "#app/worker.server.ts";

export const streamTimeout = 5_000;

/**
 * server.js and worker.js reach the app through these (they load build/server/index.js, so both
 * run the same bundled code). `open` migrates and opens the database; the worker's part runs
 * only where it is started (ARCHITECTURE.md, "Processes").
 */
export const platform = {
  env,
  productionProblems,
  async open() {
    await getDatabase();
  },
  startWorker,
  async close() {
    await stopWorker();
    await closeDatabase();
  },
};

/** The configured OpenID providers' origins (their authorization and end-session pages). */
function ssoOrigins() {
  return [...new Set(env().ssoProviders.map((provider) => new URL(provider.issuer).origin))];
}

function securityHeaders(headers: Headers, nonce: string) {
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      // A login button posts here and is redirected to the provider (and logging out to its
      // end-session page): browsers apply form-action to that redirect.
      ["form-action 'self'", ...ssoOrigins()].join(" "),
      "frame-ancestors 'none'",
    ].join("; "),
  );
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const nonce = randomBytes(16).toString("base64");
  securityHeaders(responseHeaders, nonce);

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => abort(),
      streamTimeout + 1000,
    );

    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(body);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error("render.failed", { error: String(error) });
        },
      },
    );
  });
}

/** `throw data(null, { status })` reaches handleError as a plain object carrying its init. */
function thrownDataStatus(error: unknown) {
  if (typeof error !== "object" || error === null || !("init" in error)) return undefined;
  const init = (error as { init?: { status?: number } | null }).init;
  return typeof init?.status === "number" ? init.status : undefined;
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  // React Router refuses cross-origin form posts itself (before our own check): a refusal, not a fault.
  if (error instanceof Error && error.message.includes("origin does not match")) {
    log.warn("csrf.refused", { path });
    return;
  }
  // A thrown 404/403/405 is an answer, not a fault (the access log of refusals says enough).
  const status = isRouteErrorResponse(error)
    ? error.status
    : error instanceof Response
      ? error.status
      : thrownDataStatus(error);
  if (status !== undefined && status < 500) {
    log.info("request.refused", { path, status, method: request.method });
    return;
  }
  log.error("request.failed", {
    path,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
