import { data, Form, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { jobFunctions } from "#app/modules/accounts/accounts.schema.ts";
import { proposalSchema } from "#app/modules/networks/networks.schema.ts";
import { proposeNetwork } from "#app/modules/networks/networks.server.ts";
import { sectors } from "#app/modules/organisations/organisations.schema.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/propose";

export function meta() {
  return [{ title: "Start zelf een leernetwerk — Knooppunt" }];
}

export function loader({ context, request }: Route.LoaderArgs) {
  requireActor(context.get(requestState), request);
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const form = parseForm(proposalSchema, await request.formData(), ["sectors", "targetFunctions"]);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const id = await proposeNetwork(await getDb(), actor, form.data);
  return redirect(`/netwerken/${id}?melding=net.edit.saved`);
}

export default function Propose({ actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  const list = (key: string) => ([] as string[]).concat(values[key] ?? []);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("net.propose.title")} intro={t("net.propose.intro")} />
      <Card>
        <Form method="post" noValidate className="flex flex-col gap-5">
          <ErrorSummary errors={errors} />
          <TextField
            name="name"
            label={t("net.field.name")}
            required
            error={errors?.name}
            defaultValue={String(values.name ?? "")}
          />
          <TextAreaField
            name="question"
            label={t("net.field.question")}
            hint={t("net.field.question.hint")}
            error={errors?.question}
            defaultValue={String(values.question ?? "")}
          />
          <CheckboxGroup
            name="sectors"
            legend={t("net.field.sectors")}
            error={errors?.sectors}
            selected={list("sectors")}
            options={sectors.map((s) => ({ value: s, label: s }))}
          />
          <CheckboxGroup
            name="targetFunctions"
            legend={t("net.field.targetFunctions")}
            selected={list("targetFunctions")}
            options={jobFunctions
              .filter((f) => f !== "anders")
              .map((f) => ({ value: f, label: t(`jobFunction.${f}`) }))}
          />
          <TextAreaField
            name="intendedMembers"
            label={t("net.field.intendedMembers")}
            error={errors?.intendedMembers}
            defaultValue={String(values.intendedMembers ?? "")}
            rows={3}
          />
          <TextField
            name="themes"
            label={t("net.field.themes")}
            hint={t("net.field.themes.hint")}
            error={errors?.themes}
            defaultValue={String(values.themes ?? "")}
          />
          <TextField
            name="facilitatorNote"
            label={t("net.field.facilitator")}
            error={errors?.facilitatorNote}
            defaultValue={String(values.facilitatorNote ?? "")}
          />
          <div>
            <SubmitButton>{t("net.propose.submit")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
