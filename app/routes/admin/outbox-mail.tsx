import { Link } from "react-router";
import { outboxStatusLabel } from "#app/i18n/labels.ts";
import { getOutboxMail } from "#app/modules/notifications/outbox.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/outbox-mail";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.outboxMail");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => ({
    mail: await getOutboxMail(db, actor, args.params.mailId),
  }));
}

export default function OutboxMail({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { mail } = loaderData;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <Link to="/beheer/mail" className="text-accent-700 underline">
        {t("outbox.back")}
      </Link>
      <Card>
        <h1 className="text-xl font-bold">{mail.subject ?? t("outbox.subjectHidden")}</h1>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t("outbox.to")}</dt>
          <dd>{mail.to}</dd>
          <dt className="font-medium">{t("outbox.kind")}</dt>
          <dd>
            <code>{mail.kind ?? "—"}</code>
          </dd>
          <dt className="font-medium">{t("outbox.status")}</dt>
          <dd>{t(outboxStatusLabel[mail.status])}</dd>
          <dt className="font-medium">{t("outbox.attempts")}</dt>
          <dd>{mail.attempts}</dd>
          <dt className="font-medium">{t("outbox.created")}</dt>
          <dd>{t.dateTime(mail.createdAt)}</dd>
          {mail.sentAt ? (
            <>
              <dt className="font-medium">{t("outbox.sent")}</dt>
              <dd>{t.dateTime(mail.sentAt)}</dd>
            </>
          ) : null}
          {mail.status === "pending" && mail.attempts > 0 ? (
            <>
              <dt className="font-medium">{t("outbox.nextAttempt")}</dt>
              <dd>{t.dateTime(mail.nextAttemptAt)}</dd>
            </>
          ) : null}
          {mail.lastError ? (
            <>
              <dt className="font-medium">{t("outbox.lastError")}</dt>
              <dd className="break-words">{mail.lastError}</dd>
            </>
          ) : null}
        </dl>
        <p className="mt-4 text-sm text-slate-700">{t("outbox.noBody")}</p>
      </Card>
    </div>
  );
}
