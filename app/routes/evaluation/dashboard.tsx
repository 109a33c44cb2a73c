import { Form } from "react-router";
import { getDashboard } from "#app/modules/evaluation/dashboard.server.ts";
import { allProgrammes } from "#app/modules/evaluation/evaluation.schema.ts";
import { Bar } from "#app/ui/charts.tsx";
import { SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/dashboard";
import { filtersFrom } from "./dashboard-filters.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.dashboard");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => ({
    dashboard: await getDashboard(db, actor, filtersFrom(args.request)),
    query: new URL(args.request.url).search,
  }));
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { dashboard } = loaderData;
  const f = dashboard.figures;
  const cards: [string, string | number][] = [
    [t("dashboard.networks"), f.networks],
    [t("dashboard.active"), f.active],
    [t("dashboard.inFormation"), f.inFormation],
    [t("dashboard.ended"), f.ended],
    [t("dashboard.schools"), f.schools],
    [t("dashboard.participants"), f.participants],
    [t("dashboard.meetings"), f.meetingsHeld],
    [t("dashboard.certificates"), f.certificates],
    [
      t("dashboard.continuing"),
      f.continuingShare === null
        ? t("dashboard.continuing.none")
        : `${f.continuingShare}% (${f.continuing}/${f.decided})`,
    ],
  ];
  const maxRegion = Math.max(1, ...dashboard.perRegion.map((r) => r.networks));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={
          dashboard.programme
            ? t("dashboard.title", { name: dashboard.programme.name })
            : t("dashboard.titleAll")
        }
        intro={t("dashboard.intro")}
      />
      <Card>
        <Form method="get" className="grid gap-3 sm:grid-cols-4">
          <SelectField
            name="programma"
            label={t("dashboard.programme")}
            defaultValue={dashboard.programme?.id ?? allProgrammes}
            options={[
              ...(dashboard.programmes.length > 1
                ? [{ value: allProgrammes, label: t("dashboard.allProgrammes") }]
                : []),
              ...dashboard.programmes.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          {dashboard.heldToRegion ? (
            <p className="text-sm">
              {t("dashboard.heldToRegion", {
                region: dashboard.regions.find((r) => r.id === dashboard.regionId)?.name ?? "",
              })}
            </p>
          ) : (
            <SelectField
              name="regio"
              label={t("dashboard.region")}
              placeholder={t("dashboard.allRegions")}
              defaultValue={dashboard.regionId ?? ""}
              options={dashboard.regions.map((r) => ({ value: r.id, label: r.name }))}
            />
          )}
          <TextField
            name="van"
            type="date"
            label={t("dashboard.from")}
            defaultValue={dashboard.filters.from ?? ""}
          />
          <TextField
            name="tot"
            type="date"
            label={t("dashboard.to")}
            defaultValue={dashboard.filters.to ?? ""}
          />
          <div className="sm:col-span-4 flex flex-wrap items-center gap-4">
            <SubmitButton>{t("dashboard.apply")}</SubmitButton>
            <a href={`/dashboard/xlsx${loaderData.query}`} className="text-accent-700 underline">
              {t("dashboard.xlsx")}
            </a>
          </div>
        </Form>
      </Card>
      <ul className="grid gap-3 sm:grid-cols-3" aria-label={t("dashboard.figures")}>
        {cards.map(([label, value]) => (
          <li key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-700">{label}</p>
            <p className="text-2xl font-bold">{value}</p>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">{t("dashboard.continuing.hint")}</p>
      <Card>
        <h2 className="text-lg font-semibold">{t("dashboard.perRegion")}</h2>
        <div className="mt-2 flex flex-col gap-1">
          {dashboard.perRegion.map((row) => (
            <Bar
              key={row.region}
              label={
                row.national
                  ? t("dashboard.region.withNational", { region: row.region, n: row.national })
                  : row.region
              }
              value={row.networks}
              max={maxRegion}
            />
          ))}
          {dashboard.nationalWithoutSchools ? (
            <Bar
              label={t("dashboard.region.nationalOnly")}
              value={dashboard.nationalWithoutSchools}
              max={maxRegion}
            />
          ) : null}
        </div>
        {dashboard.perRegion.length || dashboard.nationalWithoutSchools ? (
          <p className="mt-2 text-sm text-slate-700">{t("dashboard.perRegion.hint")}</p>
        ) : (
          <EmptyState>{t("dashboard.none")}</EmptyState>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("dashboard.themes")}</h2>
        {dashboard.themes.length ? (
          <div className="mt-2 flex flex-col gap-1">
            {dashboard.themes.map((row) => (
              <Bar
                key={row.theme}
                label={`${row.theme} (${row.networks})`}
                value={row.share}
                max={100}
              />
            ))}
            <p className="text-sm text-slate-700">{t("dashboard.themes.hint")}</p>
          </div>
        ) : (
          <EmptyState>{t("dashboard.none")}</EmptyState>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("dashboard.surveys")}</h2>
        {dashboard.surveyAverages.length ? (
          <div className="mt-2 flex flex-col gap-1">
            {dashboard.surveyAverages.map((row) => (
              <Bar key={row.code} label={row.text} value={row.mean} max={5} />
            ))}
          </div>
        ) : (
          <EmptyState>{t("dashboard.surveys.none")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
