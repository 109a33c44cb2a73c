import { Link } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { listOutbox } from "#app/modules/notifications/outbox.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/outbox";

export function meta() {
  return [{ title: "Uitgaande mail — Knooppunt" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  return { mails: await listOutbox(await getDb(), actor) };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div>
      <PageHeader title={t("outbox.title")} intro={t("outbox.intro")} />
      {loaderData.mails.length === 0 ? (
        <EmptyState>{t("outbox.empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("outbox.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">
                  {t("outbox.subject")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.to")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.sent")}
                </th>
                <th scope="col" className="p-3">
                  {t("outbox.via")}
                </th>
              </tr>
            </thead>
            <tbody>
              {loaderData.mails.map((mail) => (
                <tr key={mail.id} className="border-t border-slate-200">
                  <td className="p-3">
                    <Link to={`/beheer/mail/${mail.id}`} className="text-accent-700 underline">
                      {mail.subject}
                    </Link>
                  </td>
                  <td className="p-3">{mail.to}</td>
                  <td className="p-3 whitespace-nowrap">{t.dateTime(mail.createdAt)}</td>
                  <td className="p-3">{t(`outbox.via.${mail.deliveredVia}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
