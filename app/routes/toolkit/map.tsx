import { useState } from "react";
import { Form, Link, useNavigate, useSearchParams } from "react-router";
import { labelFor, mapKindLabel, mapLinkLabel } from "#app/i18n/labels.ts";
import { KnowledgeMap } from "#app/modules/toolkit/components/KnowledgeMap.tsx";
import { knowledgeMap } from "#app/modules/toolkit/map.server.ts";
import { spaceBase, spaceSummary } from "#app/modules/toolkit/space-access.server.ts";
import { SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withSpace } from "../pipeline.server.ts";
import type { Route } from "./+types/map";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.map");
}

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const url = new URL(args.request.url);
    const themeId = url.searchParams.get("thema") ?? "";
    const schoolYear = url.searchParams.get("jaar") ?? "";
    const team = url.searchParams.get("team") ?? "";
    const view = await knowledgeMap(db, space, {
      themeId: /^[0-9a-f-]{36}$/.test(themeId) ? themeId : undefined,
      schoolYear: schoolYear || undefined,
      team: team || undefined,
    });
    return {
      ...view,
      space: spaceSummary(space),
      base: spaceBase(space),
      themeId,
      schoolYear,
      team,
    };
  });
}

export default function KnowledgeMapPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { nodes, links, base } = loaderData;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const selectedId = params.get("knoop");
  // the node with keyboard focus (or under the pointer) shows its neighbourhood; else the chosen one
  const [previewId, setPreviewId] = useState<string | null>(null);
  const selected =
    nodes.find((n) => n.id === previewId) ?? nodes.find((n) => n.id === selectedId) ?? null;
  const nodeOf = new Map(nodes.map((n) => [n.id, n]));
  const connected = selected
    ? links
        .filter((l) => l.from === selected.id || l.to === selected.id)
        .map((l) => ({ link: l, other: nodeOf.get(l.from === selected.id ? l.to : l.from) }))
        .filter((c) => c.other)
    : [];
  /** the page with a node chosen: links work without JavaScript */
  const selectHref = (id: string) => {
    const next = new URLSearchParams(params);
    next.set("knoop", id);
    return `?${next.toString()}`;
  };
  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set("knoop", id);
    else next.delete("knoop");
    navigate(`?${next.toString()}`, { replace: true, preventScrollReset: true });
  };
  const hrefOf = (id: string) =>
    id.startsWith("p:")
      ? `/mensen/${id.slice(2)}`
      : id.startsWith("i:")
        ? `${base}/initiatieven/${id.slice(2)}`
        : id.startsWith("t:")
          ? `${base}/themas/${id.slice(2)}`
          : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("map.title")} context={loaderData.space.name} intro={t("map.intro")}>
        <div className="flex flex-wrap gap-4">
          <Link to={base} className="text-accent-700 underline">
            {t("toolkit.back")}
          </Link>
          <Link to={`${base}/wie-weet-wat`} className="text-accent-700 underline">
            {t("knows.title")}
          </Link>
        </div>
      </PageHeader>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField
          name="thema"
          label={t("map.filterTheme")}
          defaultValue={loaderData.themeId}
          placeholder={t("discussion.allThemes")}
          options={loaderData.themes.map((th) => ({ value: th.id, label: th.name }))}
        />
        <SelectField
          name="jaar"
          label={t("map.filterYear")}
          defaultValue={loaderData.schoolYear}
          placeholder={t("map.allYears")}
          options={loaderData.schoolYears.map((y) => ({ value: y, label: y }))}
        />
        {loaderData.teams.length ? (
          <SelectField
            name="team"
            label={t("map.filterTeam")}
            defaultValue={loaderData.team}
            placeholder={t("map.allTeams")}
            options={loaderData.teams.map((team) => ({ value: team, label: team }))}
          />
        ) : null}
        <SubmitButton variant="secondary">{t("map.filter")}</SubmitButton>
      </Form>
      <div className="grid gap-6 xl:grid-cols-[3fr_1fr]">
        <Card>
          <p className="mb-2 text-sm text-slate-700">
            {t("map.counts", { nodes: nodes.length, links: links.length, ms: loaderData.buildMs })}
          </p>
          <KnowledgeMap
            nodes={nodes}
            links={links}
            selectedId={selectedId}
            onSelect={select}
            onPreview={setPreviewId}
            hrefOf={selectHref}
          />
        </Card>
        <Card>
          <h2 className="text-lg font-semibold" data-map-panel>
            {selected ? selected.label : t("map.nothingSelected")}
          </h2>
          {selected ? (
            <>
              <p className="text-sm text-slate-700">{t(mapKindLabel[selected.kind])}</p>
              {hrefOf(selected.id) ? (
                <Link to={hrefOf(selected.id) ?? "/"} className="text-accent-700 underline">
                  {t("map.open", { label: selected.label })}
                </Link>
              ) : null}
              <h3 className="mt-3 font-semibold">
                {t("map.connected", { count: connected.length })}
              </h3>
              {connected.length ? (
                <ul
                  className="mt-1 flex flex-col gap-1 text-sm"
                  aria-label={t("map.neighbourhoodOf", { label: selected.label })}
                >
                  {connected.map(({ link, other }) => (
                    <li key={`${link.from}-${link.to}-${link.kind}`}>
                      <Link
                        to={selectHref(other?.id ?? "")}
                        replace
                        preventScrollReset
                        className="text-accent-700 underline"
                      >
                        {other?.label}
                      </Link>{" "}
                      ({t(labelFor(mapLinkLabel, link.kind))})
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-sm text-slate-700">{t("map.noLinks")}</p>
              )}
            </>
          ) : (
            <p className="text-sm text-slate-700">{t("map.selectHint")}</p>
          )}
          <h3 className="mt-4 font-semibold">{t("map.listTitle")}</h3>
          <details>
            <summary className="cursor-pointer text-sm text-accent-700 underline">
              {t("map.listSummary", { count: Math.min(nodes.length, 300) })}
            </summary>
            <ul className="mt-1 max-h-80 overflow-y-auto text-sm">
              {nodes.slice(0, 300).map((n) => (
                <li key={n.id}>
                  <Link
                    to={selectHref(n.id)}
                    replace
                    preventScrollReset
                    className="text-accent-700 underline"
                  >
                    {n.label}
                  </Link>{" "}
                  ({t(mapKindLabel[n.kind])})
                </li>
              ))}
            </ul>
          </details>
        </Card>
      </div>
    </div>
  );
}
