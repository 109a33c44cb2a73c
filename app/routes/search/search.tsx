import { Link } from "react-router";
import type { SearchGroup, SearchHit } from "#app/modules/search/site-search.server.ts";
import { siteSearch } from "#app/modules/search/site-search.server.ts";
import { Button } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { SearchForm, SearchQueryField } from "#app/ui/search-form.tsx";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/search";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.search");
}

/** One search across what the signed-in person may see (the header's box lands here). */
export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const url = new URL(args.request.url);
    return siteSearch(db, actor, url.searchParams.get("q"));
  });
}

type T = ReturnType<typeof useT>;

function whereOf(t: T, where: SearchHit["where"]) {
  const place = where.place ?? "";
  switch (where.section) {
    case "catalogue":
      return t("search.where.catalogue");
    case "people":
      return place ? t("search.where.peopleRegion", { place }) : t("search.where.people");
    case "practices":
      return t("search.where.practices", { place });
    case "discussion":
      return t("search.where.discussion", { place });
    case "meetings":
      return t("search.where.meetings", { place });
    case "kennisweb":
      return t("search.where.kennisweb", { place });
    case "initiatives":
      return t("search.where.initiatives", { place });
  }
}

const kindKey = {
  networks: "search.kind.networks",
  people: "search.kind.people",
  practices: "search.kind.practices",
  topics: "search.kind.topics",
  posts: "search.kind.posts",
  meetings: "search.kind.meetings",
  kennisweb: "search.kind.kennisweb",
  initiatives: "search.kind.initiatives",
} as const satisfies Record<SearchGroup["kind"], string>;

const moreKey = {
  networks: "search.more.networks",
  people: "search.more.people",
  practices: "search.more.practices",
} as const;

function Hit({ hit, kind }: { hit: SearchHit; kind: SearchGroup["kind"] }) {
  const t = useT();
  const { before, match, after } = hit.snippet;
  const title = hit.title || (kind === "meetings" ? t("search.meeting") : hit.title);
  return (
    <li className="border-slate-200 border-t py-3 first:border-t-0">
      <h3 className="font-semibold">
        <Link to={hit.href} className="text-accent-700 underline underline-offset-4 break-words">
          {title}
        </Link>
      </h3>
      <p className="text-sm text-slate-700">
        {whereOf(t, hit.where)}
        {hit.date ? <> · {t.dateTime(hit.date)}</> : null}
      </p>
      {before || match || after ? (
        <p className="mt-1 break-words text-slate-800">
          {before}
          {match ? <mark className="bg-amber-100 text-slate-900">{match}</mark> : null}
          {after}
        </p>
      ) : null}
    </li>
  );
}

function Group({ group, q }: { group: SearchGroup; q: string }) {
  const t = useT();
  const headingId = `soort-${group.kind}`;
  const count = group.more
    ? t("search.countMore", { count: group.hits.length })
    : t("search.count", { count: group.hits.length });
  const moreLink = group.kind in moreKey ? moreKey[group.kind as keyof typeof moreKey] : null;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {t(kindKey[group.kind])} <span className="font-normal text-slate-700">({count})</span>
      </h2>
      <ul>
        {group.hits.map((hit) => (
          <Hit key={hit.id} hit={hit} kind={group.kind} />
        ))}
      </ul>
      {group.more ? (
        group.more.href && moreLink ? (
          <p className="mt-2">
            <Link to={group.more.href} className="text-accent-700 underline underline-offset-4">
              {t(moreLink, { q })}
            </Link>
          </p>
        ) : (
          <p className="mt-2 text-sm text-slate-700">{t("search.moreRefine")}</p>
        )
      ) : null}
    </section>
  );
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { q, searched, groups, total } = loaderData;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("search.title")} intro={t("search.intro")}>
        <LockNote>{t("search.privacy")}</LockNote>
      </PageHeader>
      <SearchForm className="flex flex-wrap items-end gap-3">
        <SearchQueryField label={t("search.label")} defaultValue={q} />
        <Button>{t("search.submit")}</Button>
      </SearchForm>
      {!searched ? (
        <p className="text-slate-700">{q ? t("search.tooShort") : t("search.hint")}</p>
      ) : total === 0 ? (
        <Card>
          <EmptyState>
            <span role="status">{t("search.none", { q })}</span> {t("search.noneHelp")}{" "}
            <Link to="/netwerken" className="text-accent-700 underline underline-offset-4">
              {t("search.toCatalogue")}
            </Link>
          </EmptyState>
        </Card>
      ) : (
        <>
          <p role="status" className="text-slate-700">
            {t("search.summary", { count: total, q })}
          </p>
          <div className="flex flex-col gap-4">
            {groups.map((group) => (
              <Group key={group.kind} group={group} q={q} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
