import { Link } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import { getOutboxMail } from "#app/modules/notifications/outbox.server.ts";
import { notFound } from "#app/platform/http.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card } from "#app/ui/layout.tsx";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/outbox-mail";

export function meta() {
  return [{ title: "Mail — Knooppunt" }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const id = z.uuid().safeParse(params.mailId);
  if (!id.success) notFound();
  return { mail: await getOutboxMail(await getDb(), actor, id.data) };
}

/** Links in a mail become clickable, so the demo works without a mailbox. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <a key={index} href={part} className="break-all text-accent-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
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
        <h1 className="text-xl font-bold">{mail.subject}</h1>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
          <dt className="font-medium">{t("outbox.to")}</dt>
          <dd>{mail.to}</dd>
          <dt className="font-medium">{t("outbox.sent")}</dt>
          <dd>{t.dateTime(mail.createdAt)}</dd>
          <dt className="font-medium">{t("outbox.via")}</dt>
          <dd>{t(`outbox.via.${mail.deliveredVia}`)}</dd>
        </dl>
        <pre className="mt-4 whitespace-pre-wrap font-sans">
          <Linkified text={mail.text} />
        </pre>
      </Card>
    </div>
  );
}
