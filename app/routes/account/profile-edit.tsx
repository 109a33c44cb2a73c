import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { jobFunctions, profileSchema } from "#app/modules/accounts/accounts.schema.ts";
import { getProfile, updateProfile } from "#app/modules/accounts/profile.server.ts";
import {
  listOrganisationsByIds,
  listRegions,
  searchOrganisations,
} from "#app/modules/organisations/organisations.server.ts";
import { listWorkplaces, setWorkplaces } from "#app/modules/organisations/workplaces.server.ts";
import { FieldError, formValues, parseForm } from "#app/platform/forms.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { baseUrl, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/profile-edit";

export function meta() {
  return [{ title: "Mijn profiel — Knooppunt" }];
}

type OrganisationOption = {
  id: string;
  name: string;
  kind: "school" | "board";
  place: string;
  status?: "requested" | "confirmed";
};

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const [profile, regions, workplaces] = await Promise.all([
    getProfile(db, actor, actor.userId),
    listRegions(db),
    listWorkplaces(db, actor, actor.userId),
  ]);
  return { profile, regions, workplaces };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const selectedIds = formData.getAll("organisationIds").map(String);

  // "Zoek je school" posts the whole form so nothing typed is lost; it saves nothing.
  // With an empty search box it is an Enter pressed in another field: that means save.
  const query = String(formData.get("schoolQuery") ?? "").slice(0, 100);
  if (formData.get("intent") === "search-school" && query.trim() !== "") {
    const [selected, found] = await Promise.all([
      listOrganisationsByIds(db, selectedIds),
      searchOrganisations(db, query),
    ]);
    return {
      errors: undefined,
      values: formValues(formData),
      organisationOptions: [...selected, ...found.filter((o) => !selectedIds.includes(o.id))],
      searched: query,
    };
  }

  const form = parseForm(profileSchema, formData, ["organisationIds"]);
  const optionsFor = () => listOrganisationsByIds(db, selectedIds);
  if (!form.ok) {
    return data(
      {
        errors: form.errors,
        values: form.values,
        organisationOptions: await optionsFor(),
        searched: null,
      },
      { status: 400 },
    );
  }
  const { organisationIds, ...profile } = form.data;
  try {
    await db.transaction(async (tx) => {
      await updateProfile(tx, actor, actor.userId, profile);
      await setWorkplaces(tx, actor.userId, organisationIds, { baseUrl: baseUrl(request) });
    });
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return data(
      {
        errors: { [error.field]: error.messageKey },
        values: formValues(formData),
        organisationOptions: await optionsFor(),
        searched: null,
      },
      { status: 400 },
    );
  }
  return redirect(`/mensen/${actor.userId}?melding=profile.saved`);
}

export default function ProfileEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { profile } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values;
  const value = (key: string, fallback: string) => (values ? String(values[key] ?? "") : fallback);
  const selectedOrganisations = values
    ? ([] as string[]).concat(values.organisationIds ?? [])
    : loaderData.workplaces.map((w) => w.id);
  // A school ticked but not yet saved has no status: saving it sends the request.
  const statusOf = new Map(loaderData.workplaces.map((w) => [w.id, w.status]));
  const organisationOptions: OrganisationOption[] = (
    actionData?.organisationOptions ?? loaderData.workplaces
  ).map((org) => ({ ...org, status: statusOf.get(org.id) }));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("profile.title")}>
        <LockNote>{t("profile.intro")}</LockNote>
      </PageHeader>
      <Card>
        <Form method="post" noValidate className="flex flex-col gap-5">
          <ErrorSummary errors={errors} />
          <TextField
            name="name"
            label={t("field.name")}
            autoComplete="name"
            required
            error={errors?.name}
            defaultValue={value("name", profile.name)}
          />
          <SelectField
            name="jobFunction"
            label={t("field.jobFunction")}
            required
            placeholder={t("jobFunction.choose")}
            error={errors?.jobFunction}
            defaultValue={value("jobFunction", profile.jobFunction ?? "")}
            options={jobFunctions.map((fn) => ({ value: fn, label: t(`jobFunction.${fn}`) }))}
          />
          <TextField
            name="jobFunctionOther"
            label={t("field.jobFunctionOther")}
            hint={t("field.jobFunctionOther.hint")}
            error={errors?.jobFunctionOther}
            defaultValue={value("jobFunctionOther", profile.jobFunctionOther ?? "")}
          />
          <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
            {organisationOptions.length > 0 ? (
              <CheckboxGroup
                name="organisationIds"
                legend={t("field.organisations")}
                error={errors?.organisationIds}
                selected={selectedOrganisations}
                options={organisationOptions.map((org) => ({
                  value: org.id,
                  label: `${org.name}${org.place ? `, ${org.place}` : ""}${org.kind === "board" ? ` (${t("org.kind.board").toLowerCase()})` : ""}${org.status ? ` · ${t(`workplace.${org.status}`)}` : ""}`,
                }))}
              />
            ) : (
              <p className="font-medium">{t("profile.noOrganisations")}</p>
            )}
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex grow flex-col gap-1">
                <label htmlFor="schoolQuery" className="font-medium">
                  {t("profile.schoolSearch")}
                </label>
                <input
                  id="schoolQuery"
                  name="schoolQuery"
                  type="search"
                  defaultValue={actionData?.searched ?? ""}
                  className="w-full rounded-md border border-slate-400 px-3 py-2"
                />
              </div>
              <button
                type="submit"
                name="intent"
                value="search-school"
                className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900"
              >
                {t("people.search")}
              </button>
            </div>
            {actionData?.searched ? (
              <p role="status" className="text-sm text-slate-700">
                {organisationOptions.length > selectedOrganisations.length
                  ? t("profile.schoolSearch.found")
                  : t("profile.schoolSearch.none", { query: actionData.searched })}
              </p>
            ) : null}
          </div>
          <SelectField
            name="regionId"
            label={t("field.region")}
            placeholder={t("field.region.none")}
            error={errors?.regionId}
            defaultValue={value("regionId", profile.regionId ?? "")}
            options={loaderData.regions.map((region) => ({ value: region.id, label: region.name }))}
          />
          <TextAreaField
            name="bio"
            label={t("field.bio")}
            hint={t("field.bio.hint")}
            error={errors?.bio}
            defaultValue={value("bio", profile.bio)}
          />
          <TextField
            name="expertise"
            label={t("field.expertise")}
            hint={t("field.expertise.hint")}
            error={errors?.expertise}
            defaultValue={value("expertise", profile.expertise.join(", "))}
          />
          <div className="flex flex-wrap items-center gap-4">
            <SubmitButton>{t("profile.save")}</SubmitButton>
            <Link to="/account/sessies" className="text-accent-700 underline">
              {t("nav.sessions")}
            </Link>
          </div>
        </Form>
      </Card>
      {profile.canEdit ? null : <Notice>{t("error.403.body")}</Notice>}
    </div>
  );
}
