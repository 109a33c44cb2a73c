import { Link } from "react-router";
import { jobFunctionName, labelFor, netFormLabel, netStateLabel } from "#app/i18n/labels.ts";
import { listMyNetworks } from "#app/modules/memberships/my-networks.server.ts";
import {
  listCatalogue,
  listProgrammes,
  listThemes,
} from "#app/modules/networks/catalogue.server.ts";
import { ClosedNote, StateBadge } from "#app/modules/networks/components/network-bits.tsx";
import { durationText } from "#app/modules/networks/duration.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import { listRegions } from "#app/modules/organisations/organisations.server.ts";
import { sectors } from "#app/modules/organisations/sectors.ts";
import { pageFrom, pagerOf } from "#app/platform/paging.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/catalogue";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.networks");
}

const perPage = 20;
const states = ["open", "closed", "in-formation"] as const;

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db, actor }) => {
    const url = new URL(args.request.url);
    const param = (name: string) => url.searchParams.get(name)?.slice(0, 100) ?? "";
    const state = param("staat");
    const filters = {
      query: param("q"),
      theme: param("thema"),
      sector: param("sector"),
      regionId: param("regio"),
      programmeId: param("programma"),
      state: (states as readonly string[]).includes(state)
        ? (state as (typeof states)[number])
        : "",
    } as const;
    const page = pageFrom(url, perPage);
    const [{ networks, total, hasNext }, themes, regions, programmes, mine] = await Promise.all([
      listCatalogue(db, filters, page),
      listThemes(db),
      listRegions(db),
      listProgrammes(db),
      // One query for the mark on every card: a person is in a handful of networks.
      actor ? listMyNetworks(db, actor.userId) : [],
    ]);
    // Guiding (penvoerder, facilitator) says more than being a member; one mark per network.
    const marks: Record<string, "member" | "guide"> = {};
    for (const { id, role } of mine) {
      if (role !== "deelnemer") marks[id] = "guide";
      else marks[id] ??= "member";
    }
    return {
      networks,
      total,
      filters,
      themes,
      regions,
      programmes,
      signedIn: !!actor,
      marks,
      pager: pagerOf(page, total, hasNext),
    };
  });
}

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={value}
        className="rounded-md border border-slate-400 bg-white px-2 py-2"
      >
        <option value="">{t("net.filter.all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function Catalogue({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { networks, filters, total } = loaderData;
  return (
    <div>
      <PageHeader title={t("net.catalogue.title")} intro={t("net.catalogue.intro")}>
        <p>
          <Link
            to={loaderData.signedIn ? "/netwerken/nieuw" : "/inloggen?terug=/netwerken/nieuw"}
            className="inline-block rounded-md bg-accent-700 px-4 py-2 font-medium text-white hover:bg-accent-800"
          >
            {t("net.start.cta")}
          </Link>
        </p>
      </PageHeader>
      <SearchForm className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1 sm:col-span-3">
          <label htmlFor="q" className="text-sm font-medium">
            {t("net.catalogue.search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.query}
            className="rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <FilterSelect
          name="thema"
          label={t("net.filter.theme")}
          value={filters.theme}
          options={loaderData.themes.map((theme) => ({ value: theme, label: theme }))}
        />
        <FilterSelect
          name="sector"
          label={t("net.filter.sector")}
          value={filters.sector}
          options={sectors.map((s) => ({ value: s, label: s }))}
        />
        <FilterSelect
          name="regio"
          label={t("net.filter.region")}
          value={filters.regionId}
          options={loaderData.regions.map((r) => ({ value: r.id, label: r.name }))}
        />
        <FilterSelect
          name="staat"
          label={t("net.filter.state")}
          value={filters.state}
          options={states.map((s) => ({ value: s, label: t(netStateLabel[s]) }))}
        />
        <FilterSelect
          name="programma"
          label={t("net.filter.programme")}
          value={filters.programmeId}
          options={loaderData.programmes.map((p) => ({ value: p.id, label: p.name }))}
        />
        <div className="flex items-end gap-3">
          <button
            type="submit"
            className="rounded-md bg-accent-700 px-4 py-2 font-medium text-white"
          >
            {t("net.catalogue.filter")}
          </button>
          <Link to="/netwerken" className="text-accent-700 underline">
            {t("net.catalogue.reset")}
          </Link>
        </div>
      </SearchForm>
      <p role="status" className="mb-3 text-slate-700">
        {t(total.more ? "net.catalogue.countMore" : "net.catalogue.count", { count: total.count })}
      </p>
      {networks.length === 0 ? (
        <EmptyState>{t("net.catalogue.empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-4">
          {networks.map((network) => {
            const full = network.memberCount >= network.capacity;
            const mark = loaderData.marks[network.id];
            return (
              <Card as="li" key={network.id}>
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-xl font-semibold">
                    <Link
                      to={`/netwerken/${network.id}`}
                      className="text-accent-700 underline underline-offset-4"
                    >
                      {network.name}
                    </Link>
                  </h2>
                  <StateBadge status={network.status} openness={network.openness} />
                  {network.kind === "course" ? <Tag>{t("net.kind.course")}</Tag> : null}
                  {mark ? (
                    <span className="inline-flex items-center gap-1 rounded-full border border-accent-700 bg-accent-50 px-2 py-0.5 text-sm font-semibold text-accent-800">
                      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5 fill-current">
                        <path d="M8 13.6 4.4 10 3 11.4l5 5 9-9L15.6 6 8 13.6Z" />
                      </svg>
                      {t(mark === "guide" ? "nav.mark.guide" : "nav.mark.member")}
                    </span>
                  ) : null}
                </div>
                <p className="mt-2 max-w-3xl text-slate-800">{network.question}</p>
                <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                  {[
                    [
                      t("net.field.sectors"),
                      [
                        ...network.sectors,
                        ...network.targetFunctions.map((f) => t(labelFor(jobFunctionName, f))),
                      ].join(", "),
                    ],
                    [t("net.field.region"), network.regionName],
                    [t("net.field.form"), t(netFormLabel[network.form])],
                    [t("net.field.meetingPattern"), network.meetingPattern],
                    [
                      t("net.field.capacity"),
                      t("net.size", { count: network.memberCount, capacity: network.capacity }),
                    ],
                    [t("net.field.durationMonths"), durationText(t, network)],
                    [t("net.field.facilitator"), network.facilitatorNote],
                    [t("net.filter.programme"), network.programmeName],
                    [
                      t("net.page.routes"),
                      network.lowestPrice !== null
                        ? t("net.priceFrom", { price: formatEuro(network.lowestPrice, t.locale) })
                        : null,
                    ],
                  ]
                    .filter((fact): fact is [string, string] => !!fact[1])
                    .map(([label, value]) => (
                      <div key={label} className="flex gap-2">
                        <dt className="font-medium text-slate-700">{label}:</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                </dl>
                {network.themes.length ? (
                  <ul className="mt-3 flex flex-wrap gap-1" aria-label={t("net.field.themes")}>
                    {network.themes.map((theme) => (
                      <li key={theme}>
                        <Tag>{theme}</Tag>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {/* A member needs no invitation to join what they are in. */}
                {mark ? null : (
                  <p className="mt-3 font-medium">
                    {!network.joinable
                      ? t("net.joinable.no")
                      : full
                        ? t("net.joinable.waiting")
                        : t("net.joinable.yes")}
                  </p>
                )}
                {network.openness === "closed" ? (
                  <div className="mt-2">
                    <ClosedNote />
                  </div>
                ) : null}
              </Card>
            );
          })}
        </ul>
      )}
      <Pagination {...loaderData.pager} />
    </div>
  );
}
