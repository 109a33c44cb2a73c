import { data, Form, Link } from "react-router";
import { notificationKindLabel } from "#app/modules/notifications/kinds.ts";
import {
  resubscribe,
  type UnsubscribeTarget,
  unsubscribe,
  unsubscribeTarget,
} from "#app/modules/notifications/unsubscribe.server.ts";
import { Button } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/mail-unsubscribe";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.unsubscribe");
}

const unknown = () => data({ state: "unknown" as const, target: null }, { status: 404 });

/**
 * The page a mail's "Afmelden" link opens. Opening it never unsubscribes (link scanners open
 * every link); the button, or a mail client's one-click POST (RFC 8058, without cookies or
 * CSRF token — session.server.ts lets this path through), does.
 */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => {
    const found = await unsubscribeTarget(db, args.params.token);
    return found ? { state: "ask" as const, target: found.target } : unknown();
  });
}

export async function action(args: Route.ActionArgs) {
  const form = await args.request.formData();
  const again = form.get("intent") === "resubscribe";
  return withVisitor(args, async ({ db }) => {
    const target = again
      ? await resubscribe(db, args.params.token)
      : await unsubscribe(db, args.params.token);
    if (!target) return unknown();
    return { state: again ? ("resubscribed" as const) : ("done" as const), target };
  });
}

function What({ target }: { target: UnsubscribeTarget }) {
  const t = useT();
  if (target.type === "kind")
    return (
      <>
        {t("notifications.unsubscribe.kind")}{" "}
        <strong>{t(notificationKindLabel[target.kind])}</strong>
      </>
    );
  if (target.type === "discussion")
    return <>{t("notifications.unsubscribe.discussion", { network: target.network })}</>;
  return <>{t("notifications.unsubscribe.all")}</>;
}

export default function MailUnsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const view = actionData ?? loaderData;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageHeader title={t("notifications.unsubscribe.title")} />
      <Card>
        {view.state === "unknown" || !view.target ? (
          <div className="flex flex-col gap-3">
            <p>{t("notifications.unsubscribe.unknown")}</p>
            <p>
              <Link to="/account/meldingen" className="text-accent-700 underline">
                {t("notifications.unsubscribe.settings")}
              </Link>
            </p>
          </div>
        ) : view.state === "ask" ? (
          <Form method="post" className="flex flex-col gap-4">
            <p>
              <What target={view.target} />
            </p>
            <div>
              <Button>{t("notifications.unsubscribe.confirm")}</Button>
            </div>
          </Form>
        ) : (
          <div className="flex flex-col gap-4">
            <Notice tone="success">
              {view.state === "done"
                ? t("notifications.unsubscribe.done")
                : t("notifications.unsubscribe.resubscribed")}{" "}
              <What target={view.target} />
            </Notice>
            {view.state === "done" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="resubscribe" />
                <Button variant="secondary">{t("notifications.unsubscribe.undo")}</Button>
              </Form>
            ) : null}
            <p>
              <Link to="/account/meldingen" className="text-accent-700 underline">
                {t("notifications.unsubscribe.settings")}
              </Link>
            </p>
          </div>
        )}
      </Card>
    </div>
  );
}
