import { data, redirect } from "react-router";
import { listSsoProviders } from "#app/modules/sso/providers.server.ts";
import { finishSsoFlow, type SsoRefusal } from "#app/modules/sso/sso.server.ts";
import { clientAddress } from "#app/platform/http.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import {
  clearSsoFlowCookie,
  readSsoFlowCookie,
  requestState,
  safeReturnPath,
  ssoFlowCookie,
  startSession,
} from "../session.server.ts";
import type { Route } from "./+types/sso-callback";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.login");
}

/** Time to type an address after a login that gave none (the flow keeps it as long). */
const emailStepSeconds = 30 * 60;

/** What the person reads for each refusal; the log (finishSsoFlow) names the exact check. */
const refusalMessage: Record<SsoRefusal, string> = {
  state: "sso.refused.expired",
  nonce: "sso.refused.generic",
  issuer: "sso.refused.generic",
  expired: "sso.refused.expired",
  "provider-error": "sso.refused.generic",
  claims: "sso.refused.generic",
  "already-linked": "sso.refused.taken",
  "wrong-account": "sso.refused.generic",
  disabled: "sso.refused.disabled",
  "unknown-provider": "sso.refused.generic",
};

/**
 * The provider sends the browser back here. Whatever the answer, the flow cookie has done its
 * work; a refusal is a sentence on the login page (or the sign-in methods page for someone
 * signed in), never an error page.
 */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db, actor }) => {
    const { request, context } = args;
    const provider = args.params.provider;
    if (!listSsoProviders().some((p) => p.key === provider)) throw data(null, { status: 404 });
    const headers = new Headers({ "Set-Cookie": clearSsoFlowCookie() });
    const refused = (reason: SsoRefusal) => {
      // A person who cancelled at the provider reads that, not "something went wrong".
      const cancelled = new URL(request.url).searchParams.get("error") === "access_denied";
      const message = cancelled ? "sso.refused.cancelled" : refusalMessage[reason];
      const page = actor ? "/account/inlogmethoden" : "/inloggen";
      return redirect(`${page}?reden=${message}`, { headers });
    };
    const flowId = readSsoFlowCookie(request);
    if (!flowId) return refused("expired");
    const state = context.get(requestState);
    const outcome = await finishSsoFlow(db, {
      provider,
      flowId,
      callbackUrl: new URL(request.url),
      request: {
        ipAddress: clientAddress(request),
        userAgent: request.headers.get("user-agent") ?? "",
        locale: state.locale,
      },
    });
    switch (outcome.kind) {
      case "logged-in": {
        headers.append(
          "Set-Cookie",
          await startSession(outcome.userId, request, state, {
            provider: outcome.provider,
            idToken: outcome.idToken,
          }),
        );
        return redirect(safeReturnPath(outcome.returnTo), { headers });
      }
      case "needs-email":
        return redirect(`/inloggen/sso/e-mailadres?via=${encodeURIComponent(provider)}`, {
          headers: { "Set-Cookie": ssoFlowCookie(outcome.flowId, emailStepSeconds) },
        });
      case "link-confirmation-sent":
        return data({ sentTo: outcome.email }, { headers });
      case "linked":
        return redirect("/account/inlogmethoden?melding=sso.methods.linkedNotice", { headers });
      case "reauthenticated": {
        // The page that asked (account deletion) takes the proof from ?bewijs= once.
        const back = new URL(safeReturnPath(outcome.returnTo), "http://knooppunt.invalid");
        back.searchParams.set("bewijs", outcome.token);
        return redirect(back.pathname + back.search + back.hash, { headers });
      }
      case "refused":
        return refused(outcome.reason);
    }
  });
}

/** The provider vouched for an address an account already has: its owner confirms by mail. */
export default function SsoCallback({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold">{t("sso.linkSent.title")}</h1>
        <p role="status" className="mt-3 text-slate-700">
          {t("sso.linkSent.body", { email: loaderData.sentTo })}
        </p>
      </Card>
    </div>
  );
}
