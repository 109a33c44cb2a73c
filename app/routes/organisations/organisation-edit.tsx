import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { canEditOrganisation } from "#app/modules/organisations/organisations.policy.ts";
import { organisationSchema, sectors } from "#app/modules/organisations/organisations.schema.ts";
import {
  assertOrganisationRight,
  getOrganisation,
  listBoards,
  listRegions,
  updateOrganisation,
} from "#app/modules/organisations/organisations.server.ts";
import { authorize } from "#app/platform/errors.ts";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/organisation-edit";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.organisationEdit");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const organisation = await getOrganisation(db, actor, args.params.organisationId);
    authorize(organisation.canEdit);
    const [regions, boards] = await Promise.all([listRegions(db), listBoards(db)]);
    return {
      organisation,
      regions,
      boards: boards.filter((board) => board.id !== organisation.id),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const id = args.params.organisationId;
    // Rights before the form: who may not edit the school gets the 403, not field errors.
    await assertOrganisationRight(db, actor, id, canEditOrganisation);
    return handleForm(args.request, organisationSchema, async (form) => {
      await updateOrganisation(db, actor, id, form);
      return redirect(`/organisaties/${id}?melding=org.saved`);
    });
  });
}

export default function OrganisationEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { organisation: org } = loaderData;
  const [form, fields] = useIntentForm<z.input<typeof organisationSchema>>("", actionData, {
    id: "organisation",
    defaultValue: {
      name: org.name,
      brin: org.brin ?? "",
      sector: org.sector ?? "",
      place: org.place ?? "",
      regionId: org.regionId ?? "",
      boardId: org.boardId ?? "",
    },
  });
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("org.edit.title", { name: org.name })} />
      <Card>
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <TextField {...fieldProps(fields.name)} label={t("field.orgName")} required />
          {org.kind === "school" ? (
            <>
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
            </>
          ) : null}
          <TextField {...fieldProps(fields.place)} label={t("field.place")} />
          <SelectField
            {...fieldProps(fields.regionId)}
            label={t("field.region")}
            placeholder={t("field.region.none")}
            options={loaderData.regions.map((region) => ({ value: region.id, label: region.name }))}
          />
          {org.kind === "school" && org.canChangeBoard ? (
            <SelectField
              {...fieldProps(fields.boardId)}
              label={t("field.board")}
              placeholder={t("field.board.none")}
              options={loaderData.boards.map((board) => ({ value: board.id, label: board.name }))}
            />
          ) : null}
          <div className="flex flex-wrap items-center gap-4">
            <SubmitButton>{t("org.save")}</SubmitButton>
            <Link to={`/organisaties/${org.id}`} className="text-accent-700 underline">
              {org.name}
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
