import { getFormProps } from "@conform-to/react";
import { Form, redirect } from "react-router";
import { AudienceFields } from "#app/modules/networks/components/audience-fields.tsx";
import { type ProposalForm, proposalSchema } from "#app/modules/networks/networks.schema.ts";
import { proposeNetwork } from "#app/modules/networks/networks.server.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
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
          <AudienceFields
            sectorsField={fields.sectors}
            targetFunctionsField={fields.targetFunctions}
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
