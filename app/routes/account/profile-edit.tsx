import { getFormProps } from "@conform-to/react";
import { data, Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { workplaceLabel } from "#app/i18n/labels.ts";
import { profileSchema } from "#app/modules/accounts/accounts.schema.ts";
import {
  avatarField,
  preparePhoto,
  removeAvatar,
  setAvatar,
} from "#app/modules/accounts/avatar.server.ts";
import { JobFunctionFields } from "#app/modules/accounts/components/job-function-fields.tsx";
import { getProfile, updateProfile } from "#app/modules/accounts/profile.server.ts";
import {
  listOrganisationsByIds,
  listRegions,
  searchOrganisations,
} from "#app/modules/organisations/organisations.server.ts";
import { listWorkplaces, setWorkplaces } from "#app/modules/organisations/workplaces.server.ts";
import { BadRequestError } from "#app/platform/errors.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { Avatar, avatarUrl } from "#app/ui/avatar.tsx";
import { Button } from "#app/ui/button.tsx";
import {
  CheckboxGroup,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm, keepTyped } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/profile-edit";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.profile");
}

type OrganisationOption = {
  id: string;
  name: string;
  kind: "school" | "board";
  place: string;
  status?: "requested" | "confirmed";
};

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const [profile, regions, workplaces] = await Promise.all([
      getProfile(db, actor, actor.userId),
      listRegions(db),
      listWorkplaces(db, actor, actor.userId),
    ]);
    return { profile, regions, workplaces };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const formData = await args.request.formData();
    const selectedIds = formData.getAll("organisationIds").map(String);
    const intent = String(formData.get("intent") ?? "");
    if (intent !== "" && intent !== "search-school" && intent !== "remove-photo") {
      throw new BadRequestError(intent);
    }

    // "Foto verwijderen" sits in the same form: it removes the photo and keeps what was typed.
    if (intent === "remove-photo") {
      await removeAvatar(db, actor, actor.userId);
      return {
        ...keepTyped(formData),
        organisationOptions: await listOrganisationsByIds(db, selectedIds),
        searched: null,
        photoRemoved: true,
      };
    }

    // "Zoek je school" posts the whole form so nothing typed is lost; it saves nothing.
    // With an empty search box it is an Enter pressed in another field: that means save.
    const query = String(formData.get("schoolQuery") ?? "").slice(0, 100);
    if (intent === "search-school" && query.trim() !== "") {
      const [selected, found] = await Promise.all([
        listOrganisationsByIds(db, selectedIds),
        searchOrganisations(db, query),
      ]);
      return {
        ...keepTyped(formData),
        organisationOptions: [...selected, ...found.filter((o) => !selectedIds.includes(o.id))],
        searched: query,
      };
    }
    const saved = await handleForm(formData, profileSchema, async (form) => {
      const { organisationIds, ...profile } = form;
      // The photo first: a file that is no photo refuses the whole save, with the values kept.
      const upload = uploadedFile(formData, avatarField);
      const photo = upload ? await preparePhoto(upload) : null;
      await db.transaction(async (tx) => {
        if (photo) await setAvatar(tx, actor, actor.userId, photo);
        await updateProfile(tx, actor, actor.userId, profile);
        await setWorkplaces(tx, actor.userId, organisationIds, {
          baseUrl: baseUrl(args.request),
        });
      });
      return redirect(`/mensen/${actor.userId}?melding=profile.saved`);
    });
    if (saved instanceof Response) return saved;
    // Refused: the ticked schools stay on the form, found or not.
    const organisationOptions = await listOrganisationsByIds(db, selectedIds);
    return data({ ...saved.data, organisationOptions, searched: null }, saved.init ?? undefined);
  });
}

export default function ProfileEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { profile } = loaderData;
  const [form, fields] = useIntentForm<z.input<typeof profileSchema>>("", actionData, {
    id: "profile",
    defaultValue: {
      name: profile.name,
      jobFunction: profile.jobFunction ?? "",
      jobFunctionOther: profile.jobFunctionOther ?? "",
      organisationIds: loaderData.workplaces.map((w) => w.id),
      regionId: profile.regionId ?? "",
      bio: profile.bio,
      expertise: profile.expertise.join(", "),
    },
  });
  const selectedOrganisations = ([] as string[]).concat(
    (fields.organisationIds.initialValue as string[] | string | undefined) ?? [],
  );
  // A school ticked but not yet saved has no status: saving it sends the request.
  const statusOf = new Map(loaderData.workplaces.map((w) => [w.id, w.status]));
  const organisationOptions: OrganisationOption[] = (
    (actionData && "organisationOptions" in actionData ? actionData.organisationOptions : null) ??
    loaderData.workplaces
  ).map((org) => ({ ...org, status: statusOf.get(org.id) }));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("profile.title")}>
        <LockNote>{t("profile.intro")}</LockNote>
      </PageHeader>
      {actionData && "photoRemoved" in actionData ? (
        <Notice tone="success">{t("profile.photo.removed")}</Notice>
      ) : null}
      <Card>
        <Form
          method="post"
          encType="multipart/form-data"
          {...getFormProps(form)}
          className="flex flex-col gap-5"
        >
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <TextField
            {...fieldProps(fields.name)}
            label={t("field.name")}
            autoComplete="name"
            required
          />
          <JobFunctionFields
            jobFunction={fields.jobFunction}
            jobFunctionOther={fields.jobFunctionOther}
          />
          <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
            {organisationOptions.length > 0 ? (
              <CheckboxGroup
                name="organisationIds"
                legend={t("field.organisations")}
                error={fields.organisationIds.errors?.[0]}
                selected={selectedOrganisations}
                options={organisationOptions.map((org) => ({
                  value: org.id,
                  label: `${org.name}${org.place ? `, ${org.place}` : ""}${org.kind === "board" ? ` (${t("org.kind.board").toLowerCase()})` : ""}${org.status ? ` · ${t(workplaceLabel[org.status])}` : ""}`,
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
                  defaultValue={
                    actionData && "searched" in actionData ? (actionData.searched ?? "") : ""
                  }
                  className="w-full rounded-md border border-slate-400 px-3 py-2"
                />
              </div>
              <Button name="intent" value="search-school" variant="secondary">
                {t("people.search")}
              </Button>
            </div>
            {actionData && "searched" in actionData && actionData.searched ? (
              <p role="status" className="text-sm text-slate-700">
                {organisationOptions.length > selectedOrganisations.length
                  ? t("profile.schoolSearch.found")
                  : t("profile.schoolSearch.none", { query: actionData.searched })}
              </p>
            ) : null}
          </div>
          <SelectField
            {...fieldProps(fields.regionId)}
            label={t("field.region")}
            placeholder={t("field.region.none")}
            options={loaderData.regions.map((region) => ({ value: region.id, label: region.name }))}
          />
          <TextAreaField
            {...fieldProps(fields.bio)}
            label={t("field.bio")}
            hint={t("field.bio.hint")}
          />
          <TextField
            {...fieldProps(fields.expertise)}
            label={t("field.expertise")}
            hint={t("field.expertise.hint")}
          />
          {/* After the school search: Enter in a field presses the form's first button, never this removal. */}
          <div className="flex flex-wrap items-end gap-4">
            <Avatar
              id={profile.id}
              name={profile.name}
              photoUrl={avatarUrl(profile.id, profile.avatarFileId)}
              size={96}
            />
            <div className="min-w-0 grow">
              <FileField
                name="photo"
                label={t("profile.photo")}
                hint={t("profile.photo.hint")}
                error={form.allErrors.photo?.[0]}
              />
            </div>
            {profile.avatarFileId ? (
              <Button name="intent" value="remove-photo" variant="secondary">
                {t("profile.photo.remove")}
              </Button>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <SubmitButton>{t("profile.save")}</SubmitButton>
            <Link to="/account/sessies" className="text-accent-700 underline">
              {t("nav.sessions")}
            </Link>
            <Link to="/account/gegevens" className="text-accent-700 underline">
              {t("rights.title")}
            </Link>
            <Link to="/account/inlogmethoden" className="text-accent-700 underline">
              {t("sso.methods.link")}
            </Link>
            <Link to="/account/e-mailadres" className="text-accent-700 underline">
              {t("emailChange.link")}
            </Link>
          </div>
        </Form>
      </Card>
      {profile.canEdit ? null : <Notice>{t("error.403.body")}</Notice>}
    </div>
  );
}
