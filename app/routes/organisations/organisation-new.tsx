import { data, Form, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import { canCreateOrganisation } from "#app/modules/organisations/organisations.policy.ts";
import { organisationSchema, sectors } from "#app/modules/organisations/organisations.schema.ts";
import {
  assertCanCreateOrganisation,
  createOrganisation,
  listBoards,
  listRegions,
} from "#app/modules/organisations/organisations.server.ts";
import { FieldError, formValues, parseForm } from "#app/platform/forms.ts";
import { authorize } from "#app/platform/http.server.ts";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/organisation-new";

export function meta() {
  return [{ title: "Nieuwe school of bestuur — Knooppunt" }];
}

const newOrganisationSchema = organisationSchema.extend({
  kind: z.enum(["school", "board"], { error: "error.orgKind.invalid" }),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  authorize(canCreateOrganisation(actor), "not-found");
  const db = await getDb();
  const [regions, boards] = await Promise.all([listRegions(db), listBoards(db)]);
  return { regions, boards };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  // Rights before the form: for others this page does not exist, nor do its field errors.
  assertCanCreateOrganisation(actor);
  const formData = await request.formData();
  const form = parseForm(newOrganisationSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  try {
    const id = await createOrganisation(await getDb(), actor, form.data);
    return redirect(`/organisaties/${id}?melding=org.saved`);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return data(
      { errors: { [error.field]: error.messageKey }, values: formValues(formData) },
      { status: 400 },
    );
  }
}

export default function NewOrganisation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("org.new.title")} intro={t("org.new.intro")} />
      <Card>
        <Form method="post" noValidate className="flex flex-col gap-4">
          <ErrorSummary errors={errors} />
          <SelectField
            name="kind"
            label={t("org.new.kind")}
            required
            error={errors?.kind}
            defaultValue={values.kind ?? "school"}
            options={[
              { value: "school", label: t("org.kind.school") },
              { value: "board", label: t("org.kind.board") },
            ]}
          />
          <TextField
            name="name"
            label={t("field.orgName")}
            required
            error={errors?.name}
            defaultValue={values.name ?? ""}
          />
          <TextField
            name="brin"
            label={t("field.brin")}
            hint={t("field.brin.hint")}
            error={errors?.brin}
            defaultValue={values.brin ?? ""}
          />
          <SelectField
            name="sector"
            label={t("field.sector")}
            placeholder="—"
            error={errors?.sector}
            defaultValue={values.sector ?? ""}
            options={sectors.map((sector) => ({ value: sector, label: sector }))}
          />
          <TextField
            name="place"
            label={t("field.place")}
            error={errors?.place}
            defaultValue={values.place ?? ""}
          />
          <SelectField
            name="regionId"
            label={t("field.region")}
            placeholder={t("field.region.none")}
            error={errors?.regionId}
            defaultValue={values.regionId ?? ""}
            options={loaderData.regions.map((region) => ({ value: region.id, label: region.name }))}
          />
          <SelectField
            name="boardId"
            label={t("field.board")}
            placeholder={t("field.board.none")}
            error={errors?.boardId}
            defaultValue={values.boardId ?? ""}
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
