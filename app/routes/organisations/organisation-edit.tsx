import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import { canEditOrganisation } from "#app/modules/organisations/organisations.policy.ts";
import { organisationSchema, sectors } from "#app/modules/organisations/organisations.schema.ts";
import {
  assertOrganisationRight,
  getOrganisation,
  listBoards,
  listRegions,
  updateOrganisation,
} from "#app/modules/organisations/organisations.server.ts";
import { FieldError, parseForm } from "#app/platform/forms.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/organisation-edit";

export function meta() {
  return [{ title: "Gegevens bewerken — Knooppunt" }];
}

function organisationId(value: string) {
  const id = z.uuid().safeParse(value);
  if (!id.success) notFound();
  return id.data;
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const organisation = await getOrganisation(db, actor, organisationId(params.organisationId));
  authorize(organisation.canEdit);
  const [regions, boards] = await Promise.all([listRegions(db), listBoards(db)]);
  return {
    organisation,
    regions,
    boards: boards.filter((board) => board.id !== organisation.id),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const id = organisationId(params.organisationId);
  const db = await getDb();
  // Rights before the form: who may not edit the school gets the 403, not field errors.
  await assertOrganisationRight(db, actor, id, canEditOrganisation);
  const form = parseForm(organisationSchema, await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  try {
    await updateOrganisation(db, actor, id, form.data);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return data(
      { errors: { [error.field]: error.messageKey }, values: form.data },
      { status: 400 },
    );
  }
  return redirect(`/organisaties/${id}?melding=org.saved`);
}

export default function OrganisationEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { organisation: org } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, unknown> | undefined;
  const value = (key: string, fallback: string | null) =>
    values ? String(values[key] ?? "") : (fallback ?? "");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("org.edit.title", { name: org.name })} />
      <Card>
        <Form method="post" noValidate className="flex flex-col gap-4">
          <ErrorSummary errors={errors} />
          <TextField
            name="name"
            label={t("field.orgName")}
            required
            error={errors?.name}
            defaultValue={value("name", org.name)}
          />
          {org.kind === "school" ? (
            <>
              <TextField
                name="brin"
                label={t("field.brin")}
                hint={t("field.brin.hint")}
                error={errors?.brin}
                defaultValue={value("brin", org.brin)}
              />
              <SelectField
                name="sector"
                label={t("field.sector")}
                placeholder="—"
                error={errors?.sector}
                defaultValue={value("sector", org.sector)}
                options={sectors.map((sector) => ({ value: sector, label: sector }))}
              />
            </>
          ) : null}
          <TextField
            name="place"
            label={t("field.place")}
            error={errors?.place}
            defaultValue={value("place", org.place)}
          />
          <SelectField
            name="regionId"
            label={t("field.region")}
            placeholder={t("field.region.none")}
            error={errors?.regionId}
            defaultValue={value("regionId", org.regionId)}
            options={loaderData.regions.map((region) => ({ value: region.id, label: region.name }))}
          />
          {org.kind === "school" && org.canChangeBoard ? (
            <SelectField
              name="boardId"
              label={t("field.board")}
              placeholder={t("field.board.none")}
              error={errors?.boardId}
              defaultValue={value("boardId", org.boardId)}
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
