import { getFormProps } from "@conform-to/react";
import { Form, redirect } from "react-router";
import { jobFunctionName } from "#app/i18n/labels.ts";
import { jobFunctions } from "#app/modules/accounts/accounts.schema.ts";
import { type ProposalForm, proposalSchema } from "#app/modules/networks/networks.schema.ts";
import { proposeNetwork } from "#app/modules/networks/networks.server.ts";
import { sectors } from "#app/modules/organisations/organisations.schema.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf, fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/propose";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.propose");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async () => null);
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleForm(args.request, proposalSchema, async (proposal) => {
      const id = await proposeNetwork(db, actor, proposal);
      return redirect(`/netwerken/${id}?melding=net.edit.saved`);
    }),
  );
}

export default function Propose({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useIntentForm<ProposalForm>("", actionData, { id: "propose" });
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("net.propose.title")} intro={t("net.propose.intro")} />
      <Card>
        <Form method="post" className="flex flex-col gap-5" {...getFormProps(form)}>
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <TextField label={t("net.field.name")} required {...fieldProps(fields.name)} />
          <TextAreaField
            label={t("net.field.question")}
            hint={t("net.field.question.hint")}
            {...fieldProps(fields.question)}
          />
          <CheckboxGroup
            name="sectors"
            legend={t("net.field.sectors")}
            error={fields.sectors.errors?.[0]}
            selected={checkedOf(fields.sectors)}
            options={sectors.map((s) => ({ value: s, label: s }))}
          />
          <CheckboxGroup
            name="targetFunctions"
            legend={t("net.field.targetFunctions")}
            selected={checkedOf(fields.targetFunctions)}
            options={jobFunctions
              .filter((f) => f !== "anders")
              .map((f) => ({ value: f, label: t(jobFunctionName[f]) }))}
          />
          <TextAreaField
            label={t("net.field.intendedMembers")}
            rows={3}
            {...fieldProps(fields.intendedMembers)}
          />
          <TextField
            label={t("net.field.themes")}
            hint={t("net.field.themes.hint")}
            {...fieldProps(fields.themes)}
          />
          <TextField label={t("net.field.facilitator")} {...fieldProps(fields.facilitatorNote)} />
          <div>
            <SubmitButton>{t("net.propose.submit")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
