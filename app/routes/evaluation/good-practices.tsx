import { Link } from "react-router";
import { listGoodPractices, practicesPerPage } from "#app/modules/evaluation/harvest.server.ts";
import { pageFrom } from "#app/platform/paging.ts";
import { Button } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/good-practices";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.goodPractices");
}

/** Public: what networks chose to share, with the consent of everyone it names. */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => {
    const url = new URL(args.request.url);
    const q = url.searchParams.get("q") ?? "";
    return { q, ...(await listGoodPractices(db, q, pageFrom(url, practicesPerPage))) };
  });
}

export default function GoodPractices({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("practices.title")} intro={t("practices.intro")} />
      <SearchForm className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="font-medium">
            {t("practices.search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={loaderData.q}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          />
        </div>
        <Button>{t("practices.searchButton")}</Button>
      </SearchForm>
      {loaderData.total.count ? (
        <p className="text-slate-700">
          {t(loaderData.total.more ? "practices.countMore" : "practices.count", {
            count: loaderData.total.count,
          })}
        </p>
      ) : null}
      {loaderData.practices.length === 0 ? (
        <Card>
          <EmptyState>{t("practices.none")}</EmptyState>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {loaderData.practices.map((practice) => (
            <li key={practice.id}>
              <Card>
                <h2 className="font-semibold">
                  <Link
                    to={`/goede-voorbeelden/${practice.id}`}
                    className="text-accent-700 underline"
                  >
                    {practice.title}
                  </Link>
                </h2>
                <p className="text-sm text-slate-700">
                  {practice.networkName}
                  {practice.schoolName
                    ? ` · ${t("practices.school", { school: practice.schoolName })}`
                    : ""}
                </p>
                <p className="mt-1 line-clamp-3">{practice.answer}</p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination {...loaderData.pager} />
    </div>
  );
}
