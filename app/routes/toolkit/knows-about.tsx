import { Link } from "react-router";
import { knowsKindLabel } from "#app/i18n/labels.ts";
import { knowsAbout } from "#app/modules/toolkit/knows-about.server.ts";
import { spaceBase, spaceSummary } from "#app/modules/toolkit/space-access.server.ts";
import { SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { SearchForm } from "#app/ui/search-form.tsx";
import { withSpace } from "../pipeline.server.ts";
import type { Route } from "./+types/knows-about";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.knowsAbout");
}

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const q = new URL(args.request.url).searchParams.get("q") ?? "";
    const hits = await knowsAbout(db, space, q);
    return { space: spaceSummary(space), hits, q, base: spaceBase(space) };
  });
}

export default function KnowsAbout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { hits, q, base } = loaderData;
  const linkFor = (hit: (typeof hits)[number]) =>
    hit.kind === "person"
      ? `/mensen/${hit.id}`
      : hit.kind === "initiative"
        ? `${base}/initiatieven/${hit.id}`
        : `${base}/themas/${hit.id}`;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("knows.title")} intro={loaderData.space.name}>
        <p className="text-slate-700">{t("knows.intro")}</p>
        <Link to={base} className="text-accent-700 underline">
          {t("toolkit.back")}
        </Link>
      </PageHeader>
      <SearchForm className="flex flex-wrap items-end gap-3">
        <div className="grow">
          <TextField name="q" type="search" label={t("knows.question")} defaultValue={q} />
        </div>
        <SubmitButton>{t("knows.search")}</SubmitButton>
      </SearchForm>
      {q ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("knows.results", { count: hits.length, q })}</h2>
          {hits.length ? (
            <ol className="mt-2 flex flex-col gap-3">
              {hits.map((hit) => {
                const to = linkFor(hit);
                return (
                  <li key={`${hit.kind}-${hit.id}`}>
                    <p className="flex flex-wrap items-center gap-2">
                      {to ? (
                        <Link to={to} className="font-semibold text-accent-700 underline">
                          {hit.name}
                        </Link>
                      ) : (
                        <span className="font-semibold">{hit.name}</span>
                      )}
                      <Tag>{t(knowsKindLabel[hit.kind])}</Tag>
                    </p>
                    <ul className="ml-4 list-disc text-sm text-slate-700">
                      {hit.why.map((reason) => (
                        <li key={`${reason.key}-${JSON.stringify(reason.params)}`}>
                          {t(reason.key, reason.params)}
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ol>
          ) : (
            <EmptyState>{t("knows.none")}</EmptyState>
          )}
        </Card>
      ) : null}
    </div>
  );
}
