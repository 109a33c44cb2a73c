import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { listAnalyses, startAnalysis } from "#app/modules/toolkit/analysis.server.ts";
import { spaceBase, spaceSummary } from "#app/modules/toolkit/space-access.server.ts";
import { startAnalysisSchema } from "#app/modules/toolkit/toolkit.schema.ts";
import { spaceOverview } from "#app/modules/toolkit/toolkit.server.ts";
import { ErrorSummary, SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import type { Route } from "./+types/analyses";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.analyses");
}

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const analyses = await listAnalyses(db, space);
    const overview = await spaceOverview(db, space);
    return {
      space: spaceSummary(space),
      analyses,
      base: spaceBase(space),
      initiatives: overview.initiatives.map((i) => ({ id: i.id, name: i.name })),
      themes: overview.themes
        .filter((th) => !th.closedAt)
        .map((th) => ({ id: th.id, name: th.name })),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space }) =>
    handleForm(args.request, startAnalysisSchema, async ({ about }) => {
      const id = await startAnalysis(db, space, about);
      return redirect(`${spaceBase(space)}/netwerkanalyses/${id}`);
    }),
  );
}

export default function Analyses({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { analyses, base, initiatives, themes } = loaderData;
  const [form, fields] = useIntentForm<{ about: string }>("", actionData, { id: "start" });
  const errors = fieldErrorsOf(form);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("analysis.title")} intro={loaderData.space.name}>
        <p className="text-slate-700">{t("analysis.intro")}</p>
        <Link to={base} className="text-accent-700 underline">
          {t("toolkit.back")}
        </Link>
      </PageHeader>
      <Card>
        <h2 className="text-lg font-semibold">{t("analysis.start")}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
          <ErrorSummary errors={errors} />
          <SelectField
            name={fields.about.name}
            id={fields.about.id}
            label={t("analysis.about")}
            required
            error={fields.about.errors?.[0]}
            placeholder={t("analysis.pickAbout")}
            options={[
              ...initiatives.map((i) => ({
                value: `i:${i.id}`,
                label: `${t("knows.kind.initiative")}: ${i.name}`,
              })),
              ...themes.map((th) => ({
                value: `t:${th.id}`,
                label: `${t("knows.kind.theme")}: ${th.name}`,
              })),
            ]}
          />
          <div>
            <SubmitButton>{t("analysis.startButton")}</SubmitButton>
          </div>
        </Form>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("analysis.list")}</h2>
        {analyses.length ? (
          <ul className="mt-2 flex flex-col gap-2">
            {analyses.map((a) => (
              <li key={a.id}>
                <Link to={`${base}/netwerkanalyses/${a.id}`} className="text-accent-700 underline">
                  {a.centre}
                </Link>{" "}
                <span className="text-sm text-slate-700">{t.date(a.createdAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t("analysis.none")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
