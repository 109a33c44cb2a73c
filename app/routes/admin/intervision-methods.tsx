import { data, Form } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  assertCanKeepMethods,
  listMethods,
  saveMethod,
  setMethodArchived,
} from "#app/modules/peergroups/intervision-methods.server.ts";
import { methodSchema } from "#app/modules/peergroups/peergroups.schema.ts";
import { parseForm } from "#app/platform/forms.ts";
import { authorize } from "#app/platform/http.server.ts";
import {
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/intervision-methods";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.intervisionMethods");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  authorize(actor.isPlatformAdmin, "not-found");
  return { methods: await listMethods(await getDb(), true) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  // Rights before the form: for others this page does not exist, nor do its field errors.
  assertCanKeepMethods(actor);
  const formData = await request.formData();
  const db = await getDb();
  const methodId = String(formData.get("methodId") ?? "") || null;
  const intent = String(formData.get("intent") ?? "");
  if ((intent === "archive" || intent === "restore") && methodId) {
    await setMethodArchived(db, actor, methodId, intent === "archive");
    return { notice: "method.saved" };
  }
  const target = methodId ?? "new";
  const form = parseForm(methodSchema, formData);
  if (!form.ok) return data({ target, errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() => saveMethod(db, actor, form.data, methodId));
  if (!result.ok)
    return data(
      { target, errors: result.errors, values: Object.fromEntries(formData) },
      { status: 400 },
    );
  return { notice: "method.saved" };
}

type Method = Route.ComponentProps["loaderData"]["methods"][number];

export default function IntervisionMethods({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { errorsFor, valueFor } = targetedForm(actionData);
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  const stepsText = (method?: Method) =>
    method?.steps.map((s) => `${s.title} | ${s.minutes} | ${s.description}`).join("\n") ?? "";
  const methodForm = (method?: Method) => {
    const target = method?.id ?? "new";
    const errors = errorsFor(target);
    return (
      <Form method="post" className="flex flex-col gap-3">
        {method ? <input type="hidden" name="methodId" value={method.id} /> : null}
        <ErrorSummary errors={errors} />
        <TextField
          name="name"
          id={`name-${target}`}
          label={t("method.name")}
          required
          error={errors?.name}
          defaultValue={valueFor(target, "name", method?.name ?? "")}
        />
        <TextAreaField
          name="summary"
          id={`summary-${target}`}
          label={t("method.summary")}
          error={errors?.summary}
          defaultValue={valueFor(target, "summary", method?.summary ?? "")}
        />
        <TextAreaField
          name="steps"
          id={`steps-${target}`}
          label={t("method.steps")}
          hint={t("method.stepsHint")}
          required
          error={errors?.steps}
          defaultValue={valueFor(target, "steps", stepsText(method))}
        />
        <div>
          <SubmitButton>{t("method.save")}</SubmitButton>
        </div>
      </Form>
    );
  };
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("method.title")} intro={t("method.intro")} />
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      {loaderData.methods.map((method) => (
        <Card key={method.id}>
          <h2 className="flex items-center gap-2 text-lg font-semibold">
            {method.name}
            {method.archived ? <Tag>{t("method.archived")}</Tag> : null}
          </h2>
          <details className="mt-2">
            <summary className="cursor-pointer text-accent-700 underline">
              {t("method.edit", { name: method.name })}
            </summary>
            <div className="mt-2">{methodForm(method)}</div>
          </details>
          <Form method="post" className="mt-2">
            <input type="hidden" name="methodId" value={method.id} />
            <input type="hidden" name="intent" value={method.archived ? "restore" : "archive"} />
            <SubmitButton variant="secondary">
              {t(method.archived ? "method.restore" : "method.archive", { name: method.name })}
            </SubmitButton>
          </Form>
        </Card>
      ))}
      <Card>
        <h2 className="text-lg font-semibold">{t("method.new")}</h2>
        <div className="mt-2">{methodForm()}</div>
      </Card>
    </div>
  );
}
