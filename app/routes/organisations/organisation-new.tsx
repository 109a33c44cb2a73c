import { getFormProps } from "@conform-to/react";
import { Form, redirect } from "react-router";
import type { z } from "zod";
import { canCreateOrganisation } from "#app/modules/organisations/organisations.policy.ts";
import { newOrganisationSchema, sectors } from "#app/modules/organisations/organisations.schema.ts";
import {
  assertCanCreateOrganisation,
  createOrganisation,
  listBoards,
  listRegions,
} from "#app/modules/organisations/organisations.server.ts";
import { authorize } from "#app/platform/errors.ts";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/organisation-new";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.organisationNew");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    authorize(canCreateOrganisation(actor), "not-found");
    const [regions, boards] = await Promise.all([listRegions(db), listBoards(db)]);
    return { regions, boards };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    // Rights before the form: for others this page does not exist, nor do its field errors.
    assertCanCreateOrganisation(actor);
    return handleForm(args.request, newOrganisationSchema, async (form) => {
      const id = await createOrganisation(db, actor, form);
      return redirect(`/organisaties/${id}?melding=org.saved`);
    });
  });
}

export default function NewOrganisation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useIntentForm<z.input<typeof newOrganisationSchema>>("", actionData, {
    id: "new-organisation",
    defaultValue: { kind: "school" },
  });
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("org.new.title")} intro={t("org.new.intro")} />
      <Card>
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <SelectField
            {...fieldProps(fields.kind)}
            label={t("org.new.kind")}
            required
            options={[
              { value: "school", label: t("org.kind.school") },
              { value: "board", label: t("org.kind.board") },
            ]}
          />
          <TextField {...fieldProps(fields.name)} label={t("field.orgName")} required />
          <TextField
            {...fieldProps(fields.brin)}
            label={t("field.brin")}
            hint={t("field.brin.hint")}
          />
          <SelectField
            {...fieldProps(fields.sector)}
            label={t("field.sector")}
            placeholder="—"
            options={sectors.map((sector) => ({ value: sector, label: sector }))}
          />
          <TextField {...fieldProps(fields.place)} label={t("field.place")} />
          <SelectField
            {...fieldProps(fields.regionId)}
            label={t("field.region")}
            placeholder={t("field.region.none")}
            options={loaderData.regions.map((region) => ({ value: region.id, label: region.name }))}
          />
          <SelectField
            {...fieldProps(fields.boardId)}
            label={t("field.board")}
            placeholder={t("field.board.none")}
            options={loaderData.boards.map((board) => ({ value: board.id, label: board.name }))}
          />
          <div>
            <SubmitButton>{t("org.new.submit")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
