import { Link } from "react-router";
import { z } from "zod";
import { env } from "#app/core/env.server.ts";
import { outboxStatusLabel } from "#app/i18n/labels.ts";
import { listOutbox } from "#app/modules/notifications/outbox.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/outbox";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.outbox");
}

const statuses = ["pending", "sent", "failed"] as const;

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    // An unknown status shows everything rather than an error: the filter is only a view.
    const status = z
      .enum(statuses)
      .optional()
      .catch(undefined)
      .parse(new URL(args.request.url).searchParams.get("status") ?? undefined);
    const { mails, failed } = await listOutbox(db, actor, { status });
    return { mails, failed, status, retentionDays: env().MAIL_RETENTION_DAYS };
  });
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { mails, failed, status, retentionDays } = loaderData;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("outbox.title")} intro={t("outbox.intro", { days: retentionDays })} />
      {failed > 0 ? (
        <Notice tone="warning">
          {t("outbox.failedCount", { count: failed })}{" "}
          {status !== "failed" ? (
            <Link to="?status=failed" className="underline">
              {t("outbox.showFailed")}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      <nav aria-label={t("outbox.filter")}>
        <ul className="flex flex-wrap gap-3">
          {[undefined, ...statuses].map((option) => (
            <li key={option ?? "all"}>
              <Link
                to={option ? `?status=${option}` : "."}
                aria-current={option === status ? "page" : undefined}
                className="text-accent-700 underline aria-[current=page]:font-bold aria-[current=page]:no-underline"
              >
                {option ? t(outboxStatusLabel[option]) : t("outbox.filter.all")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {mails.length === 0 ? (
        <EmptyState>{status ? t("outbox.emptyFiltered") : t("outbox.empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("outbox.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">
                  {t("outbox.to")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.kind")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.subject")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.status")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.attempts")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.created")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.lastError")}
                </th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id} className="border-t border-slate-200 align-top">
                  <td className="p-3">
                    <Link to={`/beheer/mail/${mail.id}`} className="text-accent-700 underline">
                      {mail.to}
                    </Link>
                  </td>
                  <td className="p-3">
                    <code>{mail.kind ?? "—"}</code>
                  </td>
                  <td className="p-3">{mail.subject ?? <i>{t("outbox.subjectHidden")}</i>}</td>
                  <td className="p-3">{t(outboxStatusLabel[mail.status])}</td>
                  <td className="p-3">{mail.attempts}</td>
                  <td className="p-3 whitespace-nowrap">{t.dateTime(mail.createdAt)}</td>
                  <td className="p-3 break-words">{mail.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
