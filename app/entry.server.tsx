import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import type { EntryContext } from "react-router";
import { isRouteErrorResponse, ServerRouter } from "react-router";
import { closeDatabase, getDatabase } from "#app/db/client.server.ts";
import { purgeExpiredSessions, purgeSpentTokens } from "#app/modules/accounts/sessions.server.ts";
import { calendarJobHandlers, planReminders } from "#app/modules/calendar/calendar.server.ts";
import {
  answerInboundSmtp,
  discussionJobHandlers,
  planDigests,
  purgeExpiredHeldMails,
} from "#app/modules/discussion/discussion-mail.server.ts";
import { surveyJobHandlers } from "#app/modules/evaluation/surveys.server.ts";
import { expireOffers } from "#app/modules/memberships/memberships.server.ts";
import {
  planRegisterReminders,
  registerJobHandlers,
} from "#app/modules/register/register.server.ts";
import { env, publicBaseUrl } from "#app/platform/env.server.ts";
import { startInboundSmtp } from "#app/platform/inbound-mail.server.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import { log } from "#app/platform/logger.server.ts";
import { purgeOldMail, startMailSender, stopMailSender } from "#app/platform/mailer.server.ts";
import { purgeOldRateLimits } from "#app/platform/rate-limit.server.ts";
import { NonceProvider } from "#app/ui/nonce.tsx";

export const streamTimeout = 5_000;

let housekeeping: ReturnType<typeof setInterval> | undefined;
let worker: ReturnType<typeof setInterval> | undefined;
let inboundSmtp: ReturnType<typeof startInboundSmtp> | undefined;

/** Reminders: plan a week ahead, then send what is due. Jobs live in the database, so a restart loses none. */
async function work() {
  const { db } = await getDatabase();
  await planReminders(db);
  await planRegisterReminders(db);
  await planDigests(db);
  // A lapsed waiting-list offer passes to the next person within a minute, not only hourly.
  await expireOffers(db, { baseUrl: publicBaseUrl() });
  await runDueJobs(db, {
    ...calendarJobHandlers,
    ...registerJobHandlers,
    ...surveyJobHandlers,
    ...discussionJobHandlers,
  });
}

async function tidy() {
  const { db } = await getDatabase();
  await purgeExpiredSessions(db);
  await purgeSpentTokens(db);
  await purgeOldRateLimits(db);
  await purgeOldMail(db, env().MAIL_RETENTION_DAYS);
  await purgeExpiredHeldMails(db);
}

/**
 * Our own server (server.js) opens and closes the database through these. Tidying is
 * idempotent, so every app process behind a load balancer may run it.
 */
export const platform = {
  async open() {
    await getDatabase();
    await tidy();
    housekeeping = setInterval(
      () => tidy().catch((error) => log.error("housekeeping.failed", { error: String(error) })),
      60 * 60 * 1000,
    );
    housekeeping.unref();
    const every = Number(process.env.JOB_INTERVAL_SECONDS ?? 60) * 1000;
    let working = false;
    worker = setInterval(() => {
      // A slow round is not overlapped by the next one.
      if (working) return;
      working = true;
      work()
        .catch((error) => log.error("jobs.failed", { error: String(error) }))
        .finally(() => {
          working = false;
        });
    }, every);
    worker.unref();
    // Mail written by requests and jobs leaves within seconds of their commit (see the sender).
    startMailSender(async () => (await getDatabase()).db);
    const inboundPort = env().INBOUND_SMTP_PORT;
    if (inboundPort) {
      inboundSmtp = startInboundSmtp(inboundPort, env().HOST, async (mail) => {
        const { db } = await getDatabase();
        return answerInboundSmtp(db, mail);
      });
    }
  },
  async close() {
    clearInterval(housekeeping);
    clearInterval(worker);
    inboundSmtp?.close();
    await stopMailSender();
    await closeDatabase();
  },
};

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
      "form-action 'self'",
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
