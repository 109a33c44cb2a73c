import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { formatRange } from "#app/i18n/dates.ts";
import {
  getConversation,
  saveConversationNotes,
} from "#app/modules/progress/conversations.server.ts";
import { conversationNotesSchema } from "#app/modules/progress/progress.schema.ts";
import { parseForm } from "#app/platform/forms.ts";
import { ErrorSummary, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/conversation";

export function meta() {
  return [{ title: "Gesprek — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getConversation(await getDb(), actor, params.networkId, params.conversationId);
  return {
    ...view,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const form = parseForm(conversationNotesSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = await getDb();
  const result = await withFieldErrors(() =>
    saveConversationNotes(db, actor, params.networkId, params.conversationId, form.data),
  );
  if (!result.ok)
    return data({ errors: result.errors, values: Object.fromEntries(formData) }, { status: 400 });
  return redirect(
    `/netwerken/${params.networkId}/gesprekken/${params.conversationId}?melding=conversation.saved`,
  );
}

export default function ConversationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, conversation, isFacilitator } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t(`conversation.kind.${conversation.kind}`)}
        intro={`${network.name} · ${conversation.memberName}`}
      >
        <Link
          to={
            isFacilitator
              ? `/netwerken/${network.id}/voortgang`
              : `/netwerken/${network.id}/mijn-route`
          }
          className="text-accent-700 underline"
        >
          {isFacilitator ? t("progress.title") : t("route.mine")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        <p className="font-medium">{t(`conversation.status.${conversation.status}`)}</p>
        {conversation.startsAt && conversation.endsAt ? (
          <p>{formatRange(conversation.startsAt, conversation.endsAt, t.locale)}</p>
        ) : null}
        {conversation.onlineUrl ? (
          <a href={conversation.onlineUrl} className="text-accent-700 underline" rel="noreferrer">
            {t("meeting.joinOnline")}
          </a>
        ) : null}
      </Card>
      {isFacilitator ? (
        <Card>
          <Form method="post" noValidate className="flex flex-col gap-4">
            <ErrorSummary errors={errors} />
            <TextAreaField
              name="privateNote"
              label={t("conversation.privateNote")}
              hint={t("conversation.privateNote.hint")}
              rows={4}
              error={errors?.privateNote}
              defaultValue={values?.privateNote ?? conversation.privateNote ?? ""}
            />
            <TextAreaField
              name="sharedSummary"
              label={t("conversation.sharedSummary")}
              hint={t("conversation.sharedSummary.hint")}
              rows={4}
              error={errors?.sharedSummary}
              defaultValue={values?.sharedSummary ?? conversation.sharedSummary}
            />
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="held"
                className="size-4"
                defaultChecked={conversation.status === "held"}
              />
              {t("conversation.held")}
            </label>
            {errors?.held ? (
              <p className="text-sm font-medium text-red-700">{t(errors.held)}</p>
            ) : null}
            <div>
              <SubmitButton>{t("conversation.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : (
        <Card>
          <h2 className="text-lg font-semibold">{t("conversation.sharedSummary")}</h2>
          {conversation.sharedSummary ? (
            <p className="mt-2 whitespace-pre-line">{conversation.sharedSummary}</p>
          ) : (
            <EmptyState>{t("conversation.noSummary")}</EmptyState>
          )}
        </Card>
      )}
    </div>
  );
}
