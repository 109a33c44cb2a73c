import { data, redirect } from "react-router";
import { log } from "#app/core/logger.server.ts";
import { listSsoProviders } from "#app/modules/sso/providers.server.ts";
import { authoriseLinkStart, startSsoFlow } from "#app/modules/sso/sso.server.ts";
import { refusalStatus } from "#app/platform/errors.ts";
import { clientAddress } from "#app/platform/http.server.ts";
import { hitRateLimit, rateLimitRules } from "#app/platform/rate-limit.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import { safeReturnPath, ssoFlowCookie } from "../session.server.ts";
import type { Route } from "./+types/sso-start";

/** Ten minutes at the provider is plenty; the flow row expires then too. */
const flowCookieSeconds = 10 * 60;

/**
 * "Inloggen met …": starts the authorization code flow (login, or linking / proving it is you
 * for someone signed in) and sends the browser to the provider.
 */
export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db, actor }) => {
    const provider = args.params.provider;
    if (!listSsoProviders().some((p) => p.key === provider)) throw data(null, { status: 404 });
    const formData = await args.request.formData();
    const intent = String(formData.get("intent") ?? "");
    const purpose = intent === "link" ? "link" : intent === "reauth" ? "reauth" : "login";
    if (intent !== "" && purpose === "login") throw data(null, { status: 400 });
    if (purpose !== "login" && !actor) {
      throw redirect(`/inloggen?terug=${encodeURIComponent("/account/inlogmethoden")}`);
    }
    const fallback = purpose === "login" ? "/" : "/account/inlogmethoden";
    const terug = formData.get("terug");
    const returnTo = typeof terug === "string" && terug ? safeReturnPath(terug) : fallback;
    // Each start writes a flow row: as many per address as logins are allowed.
    const limit = await hitRateLimit(
      db,
      `sso:ip:${clientAddress(args.request)}`,
      rateLimitRules.loginPerIp,
    );
    if (!limit.allowed) return redirect("/inloggen?reden=sso.refused.rateLimited");
    // Adding a way in needs the password (or a fresh provider login), not just the session.
    if (purpose === "link" && actor) {
      const proof = formData.get("proof");
      const password = formData.get("password");
      const allowed = await authoriseLinkStart(db, actor.userId, {
        password: typeof password === "string" ? password : undefined,
        reauthToken: typeof proof === "string" ? proof.slice(0, 200) : undefined,
      });
      if (allowed !== "ok") {
        const reason =
          allowed === "wrong-password" ? "sso.refused.linkPassword" : "sso.refused.linkReauth";
        return redirect(`/account/inlogmethoden?reden=${reason}`);
      }
    }
    let started: Awaited<ReturnType<typeof startSsoFlow>>;
    try {
      started = await startSsoFlow(db, {
        provider,
        purpose,
        userId: actor?.userId,
        returnTo,
      });
    } catch (error) {
      if (refusalStatus(error)) throw error;
      // The provider cannot be reached (discovery failed): a message, not a 500.
      log.warn("sso.start_failed", {
        provider,
        error: error instanceof Error ? error.message : String(error),
      });
      return redirect(
        purpose === "login"
          ? "/inloggen?reden=sso.refused.generic"
          : "/account/inlogmethoden?reden=sso.refused.generic",
      );
    }
    return redirect(started.authorizationUrl.href, {
      headers: { "Set-Cookie": ssoFlowCookie(started.flowId, flowCookieSeconds) },
    });
  });
}

export function loader() {
  throw data(null, { status: 404 });
}
