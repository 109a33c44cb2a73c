import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { initiativeSchema, themeSchema } from "#app/modules/toolkit/toolkit.schema.ts";
import {
  assertInSpace,
  createInitiative,
  createTheme,
  spaceOverview,
} from "#app/modules/toolkit/toolkit.server.ts";
import { formValues, parseForm } from "#app/platform/forms.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/toolkit";
import { currentSchoolYear, spaceFrom } from "./space.server.ts";

export function meta() {
  return [{ title: "Netwerklerend — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const view = await spaceOverview(await getDb(), actor, kind, spaceId);
  return { ...view, base, schoolYear: currentSchoolYear(), notice: noticeFrom(request) };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const db = await getDb();
  // Rights before the form: someone outside the space gets its 404, not field errors.
  await assertInSpace(db, actor, kind, spaceId);
  const formData = await request.formData();
  if (formData.get("intent") === "theme") {
    const form = parseForm(themeSchema, formData, ["schakelIds", "initiativeIds"]);
    if (!form.ok)
      return data({ target: "theme", errors: form.errors, values: form.values }, { status: 400 });
    const result = await withFieldErrors(() => createTheme(db, actor, kind, spaceId, form.data));
    if (!result.ok)
      return data(
        { target: "theme", errors: result.errors, values: formValues(formData) },
        { status: 400 },
      );
    return redirect(`${base}?melding=toolkit.themeSaved`);
  }
  const form = parseForm(initiativeSchema, formData, ["themeIds"]);
  if (!form.ok)
    return data(
      { target: "initiative", errors: form.errors, values: form.values },
      { status: 400 },
    );
  const result = await withFieldErrors(() => createInitiative(db, actor, kind, spaceId, form.data));
  if (!result.ok)
    return data(
      { target: "initiative", errors: result.errors, values: formValues(formData) },
      { status: 400 },
    );
  return redirect(`${base}/initiatieven/${result.value}?melding=toolkit.initiativeSaved`);
}

export default function Toolkit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { space, initiatives, themes, people, base } = loaderData;
  const { errorsFor, valueFor, listFor } = targetedForm(actionData);
  const iErrors = errorsFor("initiative");
  const tErrors = errorsFor("theme");
  const openThemes = themes.filter((theme) => !theme.closedAt);
  const themeName = new Map(themes.map((theme) => [theme.id, theme.name]));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("toolkit.title")} intro={space.name}>
        <p className="max-w-2xl text-slate-700">{t("toolkit.intro")}</p>
        <nav aria-label={t("toolkit.nav")} className="flex flex-wrap gap-4">
          <Link to={`${base}/wie-weet-wat`} className="text-accent-700 underline">
            {t("knows.title")}
          </Link>
          <Link to={`${base}/kaart`} className="text-accent-700 underline">
            {t("map.title")}
          </Link>
          <Link to={`${base}/netwerkanalyses`} className="text-accent-700 underline">
            {t("analysis.title")}
          </Link>
          <Link to={`${base}/jaaragenda`} className="text-accent-700 underline">
            {t("agenda.year.title")}
          </Link>
          {space.isKeeper ? (
            <Link to={`${base}/schone-lei`} className="text-accent-700 underline">
              {t("slate.title")}
            </Link>
          ) : null}
        </nav>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="text-lg font-semibold">{t("toolkit.initiatives")}</h2>
            {initiatives.length ? (
              <ul className="mt-2 flex flex-col divide-y divide-slate-200">
                {initiatives.map((initiative) => (
                  <li key={initiative.id} className="flex flex-col gap-1 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link
                        to={`${base}/initiatieven/${initiative.id}`}
                        className="font-semibold text-accent-700 underline"
                      >
                        {initiative.name}
                      </Link>
                      {initiative.completedAt ? <Tag>{t("toolkit.completed")}</Tag> : null}
                      {initiative.orphaned ? (
                        <span className="rounded-full bg-amber-100 px-3 py-0.5 text-sm text-amber-950">
                          {t("toolkit.orphaned")}
                        </span>
                      ) : null}
                    </div>
                    <p className="text-sm text-slate-700">
                      {t("toolkit.stepOf", {
                        n: initiative.stepNumber,
                        title: initiative.stepTitle,
                      })}
                      {initiative.initiators.length
                        ? ` · ${t("toolkit.initiators", { names: initiative.initiators.join(", ") })}`
                        : ""}
                      {initiative.themeIds.length
                        ? ` · ${initiative.themeIds.map((id) => themeName.get(id)).join(", ")}`
                        : ""}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>{t("toolkit.noInitiatives")}</EmptyState>
            )}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("toolkit.themes")}</h2>
            {themes.length ? (
              <ul className="mt-2 flex flex-col gap-3">
                {themes.map((theme) => (
                  <li key={theme.id}>
                    <p className="flex flex-wrap items-center gap-2 font-semibold">
                      <Link to={`${base}/themas/${theme.id}`} className="text-accent-700 underline">
                        {theme.name}
                      </Link>{" "}
                      <Tag>{t(`theme.kind.${theme.kind}`)}</Tag>
                      <span className="text-sm font-normal text-slate-700">{theme.schoolYear}</span>
                      {theme.closedAt ? <Tag>{t("toolkit.closed")}</Tag> : null}
                    </p>
                    <p className="text-sm text-slate-700">
                      {theme.schakels.length
                        ? t("toolkit.schakels", { names: theme.schakels.join(", ") })
                        : t("toolkit.noSchakel")}
                      {theme.initiativeIds.length
                        ? ` · ${t("toolkit.bundled", { count: theme.initiativeIds.length })}`
                        : ""}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>{t("toolkit.noThemes")}</EmptyState>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="text-lg font-semibold">{t("toolkit.newInitiative")}</h2>
            <Form method="post" className="mt-2 flex flex-col gap-3">
              <input type="hidden" name="intent" value="initiative" />
              <ErrorSummary errors={iErrors} />
              <TextField
                name="name"
                id="initiative-name"
                label={t("toolkit.name")}
                hint={t("toolkit.nameHint")}
                required
                error={iErrors?.name}
                defaultValue={valueFor("initiative", "name")}
              />
              <TextAreaField
                name="goal"
                label={t("toolkit.goal")}
                required
                error={iErrors?.goal}
                defaultValue={valueFor("initiative", "goal")}
              />
              <TextField
                name="forWhom"
                label={t("toolkit.forWhom")}
                error={iErrors?.forWhom}
                defaultValue={valueFor("initiative", "forWhom")}
              />
              <TextAreaField
                name="valueForOthers"
                label={t("toolkit.valueForOthers")}
                error={iErrors?.valueForOthers}
                defaultValue={valueFor("initiative", "valueForOthers")}
              />
              <SelectField
                name="plan"
                label={t("toolkit.plan")}
                defaultValue={valueFor("initiative", "plan", "stappenplan")}
                options={[
                  { value: "stappenplan", label: t("toolkit.plan.stappenplan") },
                  { value: "btg", label: t("toolkit.plan.btg") },
                ]}
              />
              {openThemes.length ? (
                <CheckboxGroup
                  name="themeIds"
                  legend={t("toolkit.fitsThemes")}
                  error={iErrors?.themeIds}
                  selected={listFor("initiative", "themeIds")}
                  options={openThemes.map((theme) => ({ value: theme.id, label: theme.name }))}
                />
              ) : null}
              <div>
                <SubmitButton>{t("toolkit.takeInitiative")}</SubmitButton>
              </div>
            </Form>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("toolkit.newTheme")}</h2>
            <Form method="post" className="mt-2 flex flex-col gap-3">
              <input type="hidden" name="intent" value="theme" />
              <ErrorSummary errors={tErrors} />
              <TextField
                name="name"
                id="theme-name"
                label={t("toolkit.themeName")}
                required
                error={tErrors?.name}
                defaultValue={valueFor("theme", "name")}
              />
              <SelectField
                name="kind"
                label={t("toolkit.themeKind")}
                error={tErrors?.kind}
                defaultValue={valueFor("theme", "kind", "jaarthema")}
                options={(["jaarthema", "vast", "tijdelijk"] as const).map((k) => ({
                  value: k,
                  label: t(`theme.kind.${k}`),
                }))}
              />
              <TextField
                name="schoolYear"
                label={t("toolkit.schoolYear")}
                hint={t("toolkit.schoolYearHint")}
                required
                error={tErrors?.schoolYear}
                defaultValue={valueFor("theme", "schoolYear", loaderData.schoolYear)}
              />
              <div className="grid grid-cols-2 gap-3">
                <TextField
                  name="startsOn"
                  type="date"
                  label={t("toolkit.startsOn")}
                  error={tErrors?.startsOn}
                  defaultValue={valueFor("theme", "startsOn")}
                />
                <TextField
                  name="endsOn"
                  type="date"
                  label={t("toolkit.endsOn")}
                  error={tErrors?.endsOn}
                  defaultValue={valueFor("theme", "endsOn")}
                />
              </div>
              <TextAreaField
                name="description"
                id="theme-description"
                label={t("toolkit.themeDescription")}
                error={tErrors?.description}
                defaultValue={valueFor("theme", "description")}
              />
              <CheckboxGroup
                name="schakelIds"
                legend={t("toolkit.pickSchakels")}
                error={tErrors?.schakelIds}
                selected={listFor("theme", "schakelIds")}
                options={people.map((p) => ({ value: p.userId, label: p.name }))}
              />
              {initiatives.length ? (
                <CheckboxGroup
                  name="initiativeIds"
                  legend={t("toolkit.bundle")}
                  error={tErrors?.initiativeIds}
                  selected={listFor("theme", "initiativeIds")}
                  options={initiatives.map((i) => ({ value: i.id, label: i.name }))}
                />
              ) : null}
              <div>
                <SubmitButton>{t("toolkit.saveTheme")}</SubmitButton>
              </div>
            </Form>
          </Card>
        </div>
      </div>
    </div>
  );
}
