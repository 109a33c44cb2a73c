import { data, Form, redirect } from "react-router";
import { heldMailSchema } from "#app/modules/discussion/discussion.schema.ts";
import {
  discardHeldMail,
  getHeldMail,
  publishHeldMail,
} from "#app/modules/discussion/held-mail.server.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { RichText } from "#app/ui/rich-text.tsx";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/confirm-mail";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.confirmMail");
}

// Opening the link changes nothing (mail scanners follow links); only the member's button does.
export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => getHeldMail(db, actor, args.params.token));
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const { token } = args.params;
    // The link's owner first: anyone else learns nothing, not even that their form was wrong.
    await getHeldMail(db, actor, token);
    return handleIntents(args.request, heldMailSchema, {
      discard: async () => {
        const { networkId } = await discardHeldMail(db, actor, token);
        return redirect(`/netwerken/${networkId}/discussie?melding=discussion.mailDiscarded`);
      },
      publish: async () => {
        const result = await publishHeldMail(db, actor, token);
        if (!result.published)
          return data({ error: "heldMail.notMember" as const }, { status: 400 });
        return redirect(
          `/netwerken/${result.networkId}/discussie/${result.topicId}?melding=discussion.mailPublished`,
        );
      },
    });
  });
}

export default function ConfirmMail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const held = loaderData;
  const refusal = (actionData as { error?: string } | undefined)?.error;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={t("heldMail.title", { network: held.networkName })} />
      <Card>
        <div className="flex flex-col gap-4">
          <p>{t("heldMail.intro")}</p>
          {refusal ? <Notice tone="warning">{t.error(refusal)}</Notice> : null}
          <article className="flex flex-col gap-2 rounded-md border border-slate-300 p-3">
            <h2 className="font-semibold text-lg">{held.title}</h2>
            <p className="text-slate-700 text-sm">
              {t("heldMail.received", { date: t.dateTime(held.receivedAt) })}
            </p>
            <RichText text={held.body} />
            {held.files.length ? (
              <div>
                <h3 className="font-semibold text-sm">{t("heldMail.files")}</h3>
                <ul className="list-disc pl-5 text-sm">
                  {held.files.map((file) => (
                    <li key={file.name}>{file.name}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </article>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <SubmitButton>{t("heldMail.publish")}</SubmitButton>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="discard" />
              <SubmitButton variant="secondary">{t("heldMail.discard")}</SubmitButton>
            </Form>
          </div>
        </div>
      </Card>
    </div>
  );
}
