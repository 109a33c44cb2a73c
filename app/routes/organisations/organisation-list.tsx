import { Link } from "react-router";
import { canCreateOrganisation } from "#app/modules/organisations/organisations.policy.ts";
import { listOrganisations } from "#app/modules/organisations/organisations.server.ts";
import { pageFrom, pagerOf } from "#app/platform/paging.ts";
import { Button, LinkButton } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { SearchForm, SearchQueryField } from "#app/ui/search-form.tsx";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/organisation-list";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.organisations");
}

const perPage = 50;

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db, actor }) => {
    const url = new URL(args.request.url);
    const query = url.searchParams.get("q")?.slice(0, 100) ?? "";
    const page = pageFrom(url, perPage);
    const { organisations, total, hasNext } = await listOrganisations(db, { query, page });
    return {
      organisations,
      total,
      query,
      pager: pagerOf(page, total, hasNext),
      canCreate: canCreateOrganisation(actor),
    };
  });
}

export default function OrganisationList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { organisations, query, total } = loaderData;
  return (
    <div>
      <PageHeader
        title={t("org.title")}
        intro={t("org.intro")}
        action={
          loaderData.canCreate ? (
            <LinkButton to="/organisaties/nieuw" variant="secondary">
              {t("org.new.link")}
            </LinkButton>
          ) : null
        }
      />
      <SearchForm className="mb-4 flex flex-wrap items-end gap-3">
        <SearchQueryField label={t("org.searchLabel")} defaultValue={query} />
        <Button>{t("people.search")}</Button>
      </SearchForm>
      <p role="status" className="mb-3 text-slate-700">
        {t(total.more ? "org.countMore" : "org.count", { count: total.count })}
      </p>
      {organisations.length === 0 ? (
        <EmptyState>{t("org.empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("org.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">
                  {t("field.orgName")}
                </th>
                <th scope="col" className="hidden p-3 sm:table-cell">
                  {t("field.sector")}
                </th>
                <th scope="col" className="p-3">
                  {t("field.place")}
                </th>
                <th scope="col" className="hidden p-3 sm:table-cell">
                  {t("field.region")}
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((org) => (
                <tr key={org.id} className="border-t border-slate-200">
                  <td className="p-3">
                    <Link to={`/organisaties/${org.id}`} className="text-accent-700 underline">
                      {org.name}
                    </Link>
                    {org.kind === "board" ? (
                      <span className="ml-2 text-sm text-slate-600">
                        ({t("org.kind.board").toLowerCase()})
                      </span>
                    ) : null}
                  </td>
                  <td className="hidden p-3 sm:table-cell">{org.sector ?? "—"}</td>
                  <td className="p-3">{org.place || "—"}</td>
                  <td className="hidden p-3 sm:table-cell">{org.regionName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination {...loaderData.pager} />
    </div>
  );
}
