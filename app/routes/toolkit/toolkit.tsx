import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { themeKindLabel } from "#app/i18n/labels.ts";
import { createInitiative } from "#app/modules/toolkit/initiatives.server.ts";
import { currentSchoolYear } from "#app/modules/toolkit/school-year.ts";
import { spaceBase, spaceSummary } from "#app/modules/toolkit/space-access.server.ts";
import { createTheme } from "#app/modules/toolkit/themes.server.ts";
import { type ToolkitPageForm, toolkitPageSchema } from "#app/modules/toolkit/toolkit.schema.ts";
import { spaceOverview } from "#app/modules/toolkit/toolkit.server.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf, fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/toolkit";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.toolkit");
}

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const view = await spaceOverview(db, space);
    return {
      ...view,
      space: spaceSummary(space),
      base: spaceBase(space),
      schoolYear: currentSchoolYear(),
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space }) => {
    const base = spaceBase(space);
    return handleIntents(args.request, toolkitPageSchema, {
      initiative: async (form) => {
        const id = await createInitiative(db, space, form);
        return redirect(`${base}/initiatieven/${id}?melding=toolkit.initiativeSaved`);
      },
      theme: async (form) => {
        await createTheme(db, space, form);
        return redirect(`${base}?melding=toolkit.themeSaved`);
      },
    });
  });
}

export default function Toolkit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { space, initiatives, themes, people, base } = loaderData;
  const openThemes = themes.filter((theme) => !theme.closedAt);
  const themeName = new Map(themes.map((theme) => [theme.id, theme.name]));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("toolkit.title")} context={space.name} intro={t("toolkit.intro")}>
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
                      <Tag>{t(themeKindLabel[theme.kind])}</Tag>
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
          <InitiativeForm actionData={actionData} themes={openThemes} />
          <ThemeForm
            actionData={actionData}
            schoolYear={loaderData.schoolYear}
            people={people}
            initiatives={initiatives}
          />
        </div>
      </div>
    </div>
  );
}

type Option = { id: string; name: string };

function InitiativeForm({ actionData, themes }: { actionData: unknown; themes: Option[] }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<ToolkitPageForm, { intent: "initiative" }>>(
    "initiative",
    actionData,
    { defaultValue: { plan: "stappenplan" } },
  );
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("toolkit.newInitiative")}</h2>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="intent" value="initiative" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <TextField
          label={t("toolkit.name")}
          hint={t("toolkit.nameHint")}
          required
          {...fieldProps(fields.name)}
        />
        <TextAreaField label={t("toolkit.goal")} required {...fieldProps(fields.goal)} />
        <TextField label={t("toolkit.forWhom")} {...fieldProps(fields.forWhom)} />
        <TextAreaField label={t("toolkit.valueForOthers")} {...fieldProps(fields.valueForOthers)} />
        <SelectField
          label={t("toolkit.plan")}
          {...fieldProps(fields.plan)}
          options={[
            { value: "stappenplan", label: t("toolkit.plan.stappenplan") },
            { value: "btg", label: t("toolkit.plan.btg") },
          ]}
        />
        {themes.length ? (
          <CheckboxGroup
            name={fields.themeIds.name}
            legend={t("toolkit.fitsThemes")}
            error={fields.themeIds.errors?.[0]}
            selected={checkedOf(fields.themeIds)}
            options={themes.map((theme) => ({ value: theme.id, label: theme.name }))}
          />
        ) : null}
        <div>
          <SubmitButton>{t("toolkit.takeInitiative")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

function ThemeForm({
  actionData,
  schoolYear,
  people,
  initiatives,
}: {
  actionData: unknown;
  schoolYear: string;
  people: { userId: string; name: string }[];
  initiatives: Option[];
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<ToolkitPageForm, { intent: "theme" }>>(
    "theme",
    actionData,
    { defaultValue: { kind: "jaarthema", schoolYear } },
  );
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("toolkit.newTheme")}</h2>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="intent" value="theme" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <TextField label={t("toolkit.themeName")} required {...fieldProps(fields.name)} />
        <SelectField
          label={t("toolkit.themeKind")}
          {...fieldProps(fields.kind)}
          options={(["jaarthema", "vast", "tijdelijk"] as const).map((k) => ({
            value: k,
            label: t(themeKindLabel[k]),
          }))}
        />
        <TextField
          label={t("toolkit.schoolYear")}
          hint={t("toolkit.schoolYearHint")}
          required
          {...fieldProps(fields.schoolYear)}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField type="date" label={t("toolkit.startsOn")} {...fieldProps(fields.startsOn)} />
          <TextField type="date" label={t("toolkit.endsOn")} {...fieldProps(fields.endsOn)} />
        </div>
        <TextAreaField label={t("toolkit.themeDescription")} {...fieldProps(fields.description)} />
        <CheckboxGroup
          name={fields.schakelIds.name}
          legend={t("toolkit.pickSchakels")}
          error={fields.schakelIds.errors?.[0]}
          selected={checkedOf(fields.schakelIds)}
          options={people.map((p) => ({ value: p.userId, label: p.name }))}
        />
        {initiatives.length ? (
          <CheckboxGroup
            name={fields.initiativeIds.name}
            legend={t("toolkit.bundle")}
            error={fields.initiativeIds.errors?.[0]}
            selected={checkedOf(fields.initiativeIds)}
            options={initiatives.map((i) => ({ value: i.id, label: i.name }))}
          />
        ) : null}
        <div>
          <SubmitButton>{t("toolkit.saveTheme")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
