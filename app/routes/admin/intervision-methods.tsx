import { getFormProps } from "@conform-to/react";
import { Plus } from "lucide-react";
import { Form } from "react-router";
import {
  assertCanKeepMethods,
  listMethods,
  saveMethod,
  setMethodArchived,
} from "#app/modules/peergroups/intervision-methods.server.ts";
import {
  type MethodsPageForm,
  methodsPageSchema,
} from "#app/modules/peergroups/peergroups.schema.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { Dialog } from "#app/ui/dialog.tsx";
import { Disclosure } from "#app/ui/disclosure.tsx";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/intervision-methods";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.intervisionMethods");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db }) => ({ methods: await listMethods(db, true) }));
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleIntents(
      args.request,
      methodsPageSchema,
      {
        save: async ({ methodId, intent: _intent, ...method }) => {
          await saveMethod(db, actor, method, methodId || null);
          return { notice: "method.saved" as const };
        },
        archive: async ({ methodId }) => {
          await setMethodArchived(db, actor, methodId, true);
          return { notice: "method.saved" as const };
        },
        restore: async ({ methodId }) => {
          await setMethodArchived(db, actor, methodId, false);
          return { notice: "method.saved" as const };
        },
      },
      // Rights before the form: for others this page does not exist, nor do its field errors.
      { authorize: () => assertCanKeepMethods(actor) },
    ),
  );
}

type Method = Route.ComponentProps["loaderData"]["methods"][number];

/** The save of this method (or of a new one: "") came back with errors: keep its form open. */
function failedFor(actionData: unknown, methodId: string) {
  return (
    isIntentReply(actionData) &&
    actionData.intent === "save" &&
    actionData.result.status === "error" &&
    (actionData.result.initialValue?.methodId ?? "") === methodId
  );
}

export default function IntervisionMethods({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  const stepsText = (method?: Method) =>
    method?.steps.map((s) => `${s.title} | ${s.minutes} | ${s.description}`).join("\n") ?? "";
  const methodForm = (method?: Method) => (
    <MethodForm method={method} stepsText={stepsText(method)} actionData={actionData} />
  );
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t("method.title")}
        intro={t("method.intro")}
        action={
          <Dialog
            trigger={t("method.new")}
            title={t("method.new")}
            open={failedFor(actionData, "")}
            icon={<Plus aria-hidden="true" className="size-5" />}
          >
            {methodForm()}
          </Dialog>
        }
      />
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      {loaderData.methods.map((method) => (
        <Card key={method.id}>
          <h2 className="flex items-center gap-2 text-lg font-semibold">
            {method.name}
            {method.archived ? <Tag>{t("method.archived")}</Tag> : null}
          </h2>
          <div className="mt-3">
            <Disclosure
              summary={t("method.edit", { name: method.name })}
              open={failedFor(actionData, method.id)}
            >
              {methodForm(method)}
            </Disclosure>
          </div>
          <Form method="post" className="mt-2">
            <input type="hidden" name="methodId" value={method.id} />
            <input type="hidden" name="intent" value={method.archived ? "restore" : "archive"} />
            <SubmitButton variant="secondary">
              {t(method.archived ? "method.restore" : "method.archive", { name: method.name })}
            </SubmitButton>
          </Form>
        </Card>
      ))}
    </div>
  );
}

function MethodForm({
  method,
  stepsText,
  actionData,
}: {
  method?: Method;
  stepsText: string;
  actionData: unknown;
}) {
  const t = useT();
  const target = method?.id ?? "new";
  const [form, fields] = useIntentForm<Extract<MethodsPageForm, { intent: "save" }>>(
    "save",
    actionData,
    {
      id: `method-${target}`,
      target: { field: "methodId", value: method?.id ?? "" },
      defaultValue: { name: method?.name ?? "", summary: method?.summary ?? "", steps: stepsText },
    },
  );
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-3">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="methodId" value={method?.id ?? ""} />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextField
        {...fieldProps(fields.name)}
        id={`name-${target}`}
        label={t("method.name")}
        required
      />
      <TextAreaField
        {...fieldProps(fields.summary)}
        id={`summary-${target}`}
        label={t("method.summary")}
      />
      <TextAreaField
        {...fieldProps(fields.steps)}
        id={`steps-${target}`}
        label={t("method.steps")}
        hint={t("method.stepsHint")}
        required
      />
      <div>
        <SubmitButton>{t("method.save")}</SubmitButton>
      </div>
    </Form>
  );
}
