import { Link } from "react-router";
import { jobFunctionLabel } from "#app/modules/accounts/components/job-function.ts";
import { listPeople, listPopularExpertise } from "#app/modules/accounts/profile.server.ts";
import { pageFrom, pagerOf } from "#app/platform/paging.ts";
import { Avatar, avatarUrl } from "#app/ui/avatar.tsx";
import { Button } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { SearchForm, SearchQueryField } from "#app/ui/search-form.tsx";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/people-list";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.people");
}

const perPage = 24;

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const url = new URL(args.request.url);
    const query = url.searchParams.get("q")?.slice(0, 100) ?? "";
    const tag = url.searchParams.get("expertise")?.slice(0, 40) ?? "";
    const page = pageFrom(url, perPage);
    const [{ people, total, hasNext }, popular] = await Promise.all([
      listPeople(db, actor, { query, tag, page }),
      listPopularExpertise(db),
    ]);
    return { people, total, popular, query, tag, pager: pagerOf(page, total, hasNext) };
  });
}

export default function PeopleList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { people, popular, query, tag, total } = loaderData;
  return (
    <div>
      <PageHeader title={t("people.title")} intro={t("people.intro")}>
        <LockNote>{t("profile.visibility")}</LockNote>
      </PageHeader>
      <SearchForm className="mb-4 flex flex-wrap items-end gap-3">
        <SearchQueryField label={t("people.searchLabel")} defaultValue={query} />
        {tag ? <input type="hidden" name="expertise" value={tag} /> : null}
        <Button>{t("people.search")}</Button>
      </SearchForm>
      {popular.length > 0 ? (
        <nav aria-label={t("people.popularTags")} className="mb-6">
          <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("people.popularTags")}</h2>
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link
                to="/mensen"
                aria-current={tag ? undefined : "page"}
                className="inline-block rounded-full border border-slate-400 px-3 py-0.5 text-sm aria-[current=page]:bg-accent-700 aria-[current=page]:text-white"
              >
                {t("people.allTags")}
              </Link>
            </li>
            {popular.map((item) => (
              <li key={item.name}>
                <Link
                  to={`/mensen?expertise=${encodeURIComponent(item.name)}`}
                  aria-current={tag === item.name ? "page" : undefined}
                  className="inline-block rounded-full border border-slate-400 px-3 py-0.5 text-sm aria-[current=page]:bg-accent-700 aria-[current=page]:text-white"
                >
                  {item.name} ({item.count})
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p role="status" className="mb-3 text-slate-700">
        {t(total.more ? "people.countMore" : "people.count", { count: total.count })}
      </p>
      {people.length === 0 ? (
        <EmptyState>{t("people.empty")}</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {people.map((person) => (
            <Card as="li" key={person.id}>
              <h2 className="flex items-center gap-2 text-lg font-semibold">
                <Avatar
                  id={person.id}
                  name={person.name}
                  photoUrl={avatarUrl(person.id, person.avatarFileId)}
                />
                <Link
                  to={`/mensen/${person.id}`}
                  className="text-accent-700 underline underline-offset-4"
                >
                  {person.name}
                </Link>
              </h2>
              <p className="text-slate-700">
                {[jobFunctionLabel(t, person), person.regionName].filter(Boolean).join(" · ")}
              </p>
              {person.matched.tags.length || person.matched.name ? (
                <p className="mt-1 text-sm text-slate-700">
                  {t("people.why", {
                    reasons: [
                      ...person.matched.tags.map((tag) => t("people.why.tag", { tag })),
                      ...(person.matched.name ? [t("people.why.name")] : []),
                    ].join(", "),
                  })}
                </p>
              ) : null}
              {person.expertise.length > 0 ? (
                <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("profile.expertise")}>
                  {person.expertise.map((name) => (
                    <li key={name}>
                      <Tag>{name}</Tag>
                    </li>
                  ))}
                </ul>
              ) : null}
            </Card>
          ))}
        </ul>
      )}
      <Pagination {...loaderData.pager} />
    </div>
  );
}
