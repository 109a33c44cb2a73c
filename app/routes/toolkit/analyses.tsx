import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { listAnalyses, startAnalysis } from "#app/modules/toolkit/analysis.server.ts";
import { spaceOverview } from "#app/modules/toolkit/toolkit.server.ts";
import { ErrorSummary, SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/analyses";
import { spaceFrom } from "./space.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.analyses");
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const db = await getDb();
  const { analyses, space } = await listAnalyses(db, actor, kind, spaceId);
  const overview = await spaceOverview(db, actor, kind, spaceId);
  return {
    space,
    analyses,
    base,
    initiatives: overview.initiatives.map((i) => ({ id: i.id, name: i.name })),
    themes: overview.themes
      .filter((th) => !th.closedAt)
      .map((th) => ({ id: th.id, name: th.name })),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const about = String((await request.formData()).get("about") ?? "");
  const [type, id = ""] = about.split(":");
  const db = await getDb();
  const result = await withFieldErrors(() =>
    startAnalysis(db, actor, kind, spaceId, {
      initiativeId: type === "i" ? id : null,
      themeId: type === "t" ? id : null,
    }),
  );
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  return redirect(`${base}/netwerkanalyses/${result.value}`);
}

export default function Analyses({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { analyses, base, initiatives, themes } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
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
        <Form method="post" className="mt-2 flex flex-col gap-3">
          <ErrorSummary errors={errors} />
          <SelectField
            name="about"
            label={t("analysis.about")}
            required
            error={errors?.about}
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
