import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { formatRange } from "#app/i18n/dates.ts";
import { conversationKindLabel, conversationStatusLabel } from "#app/i18n/labels.ts";
import {
  getConversation,
  saveConversationNotes,
} from "#app/modules/progress/conversations.server.ts";
import {
  type ConversationNotesForm,
  conversationNotesSchema,
} from "#app/modules/progress/progress.schema.ts";
import { ErrorSummary, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/conversation";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.conversation");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getConversation(db, network, args.params.conversationId);
    return {
      ...view,
      network: { id: view.network.id, name: view.network.name },
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const { conversationId } = args.params;
    return handleForm(args.request, conversationNotesSchema, async (notes) => {
      await saveConversationNotes(db, network, conversationId, notes);
      return redirect(
        `/netwerken/${network.id}/gesprekken/${conversationId}?melding=conversation.saved`,
      );
    });
  });
}

export default function ConversationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, conversation, isFacilitator } = loaderData;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t(conversationKindLabel[conversation.kind])}
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
        <p className="font-medium">{t(conversationStatusLabel[conversation.status])}</p>
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
          <NotesForm actionData={actionData} conversation={conversation} />
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

function NotesForm({
  actionData,
  conversation,
}: {
  actionData: unknown;
  conversation: { privateNote: string | null; sharedSummary: string; status: string };
}) {
  const t = useT();
  const [form, fields] = useIntentForm<ConversationNotesForm>("", actionData, {
    id: "notes",
    defaultValue: {
      privateNote: conversation.privateNote ?? "",
      sharedSummary: conversation.sharedSummary,
    },
  });
  const heldError = fields.held.errors?.[0];
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextAreaField
        label={t("conversation.privateNote")}
        hint={t("conversation.privateNote.hint")}
        rows={4}
        {...fieldProps(fields.privateNote)}
      />
      <TextAreaField
        label={t("conversation.sharedSummary")}
        hint={t("conversation.sharedSummary.hint")}
        rows={4}
        {...fieldProps(fields.sharedSummary)}
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
      {heldError ? <p className="text-sm font-medium text-red-700">{t.error(heldError)}</p> : null}
      <div>
        <SubmitButton>{t("conversation.save")}</SubmitButton>
      </div>
    </Form>
  );
}
