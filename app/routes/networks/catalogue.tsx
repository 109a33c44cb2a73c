import {
  ArrowRight,
  CalendarDays,
  Check,
  ChevronDown,
  Clock,
  Euro,
  GraduationCap,
  Layers,
  MapPin,
  Plus,
  Search,
  SlidersHorizontal,
  UserRound,
  Users,
} from "lucide-react";
import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-router";
import { jobFunctionName, labelFor, netFormLabel, netStateLabel } from "#app/i18n/labels.ts";
import { listMyNetworks } from "#app/modules/memberships/my-networks.server.ts";
import {
  listCatalogue,
  listProgrammes,
  listThemes,
} from "#app/modules/networks/catalogue.server.ts";
import {
  ClosedNote,
  FactList,
  StateBadge,
} from "#app/modules/networks/components/network-bits.tsx";
import { durationText, networkDuration } from "#app/modules/networks/duration.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import { listRegions } from "#app/modules/organisations/organisations.server.ts";
import { sectors } from "#app/modules/organisations/sectors.ts";
import { pageFrom, pagerOf } from "#app/platform/paging.ts";
import { Button, LinkButton } from "#app/ui/button.tsx";
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
        className="min-h-11 w-full min-w-0 rounded-md border border-slate-400 bg-white px-2 py-2"
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

/**
 * The filters behind a native disclosure: on a phone the results come first. Open when a filter
 * is set; on a wide screen it opens once the page runs (without JavaScript the summary still
 * opens it, so nothing depends on the script).
 */
function FilterDisclosure({ active, children }: { active: number; children: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 1024px)").matches) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} open={active > 0} className="group rounded-md border border-slate-200">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 py-2 font-medium [&::-webkit-details-marker]:hidden">
        <SlidersHorizontal aria-hidden="true" className="size-5 text-accent-700" />
        {t("net.catalogue.filters")}
        {active ? (
          <span className="rounded-full bg-accent-50 px-2 text-sm text-accent-800">
            {t("net.catalogue.filtersActive", { count: active })}
          </span>
        ) : null}
        <ChevronDown
          aria-hidden="true"
          className="ml-auto size-5 transition-transform group-open:rotate-180"
        />
      </summary>
      <div className="grid gap-3 border-t border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3">
        {children}
      </div>
    </details>
  );
}

export default function Catalogue({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { networks, filters, total } = loaderData;
  const active = [
    filters.theme,
    filters.sector,
    filters.regionId,
    filters.state,
    filters.programmeId,
  ].filter(Boolean).length;
  return (
    <div>
      <PageHeader
        title={t("net.catalogue.title")}
        intro={t("net.catalogue.intro")}
        action={
          <LinkButton
            to={loaderData.signedIn ? "/netwerken/nieuw" : "/inloggen?terug=/netwerken/nieuw"}
            variant="secondary"
            icon={<Plus aria-hidden="true" className="size-5" />}
          >
            {t("net.start.cta")}
          </LinkButton>
        }
      />
      <SearchForm className="mb-6 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-0 grow basis-56 flex-col gap-1">
            <label htmlFor="q" className="text-sm font-medium">
              {t("net.catalogue.search")}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={filters.query}
              className="min-h-11 w-full min-w-0 rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <Button icon={<Search aria-hidden="true" className="size-5" />}>
            {t("net.catalogue.filter")}
          </Button>
        </div>
        <FilterDisclosure active={active}>
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
          <div className="flex items-end">
            <Link to="/netwerken" className="py-2 text-accent-700 underline">
              {t("net.catalogue.reset")}
            </Link>
          </div>
        </FilterDisclosure>
      </SearchForm>
      <p role="status" className="mb-3 text-slate-700">
        {t(total.more ? "net.catalogue.countMore" : "net.catalogue.count", { count: total.count })}
      </p>
      {networks.length === 0 ? (
        <EmptyState>{t("net.catalogue.empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {networks.map((network) => {
            const full = network.memberCount >= network.capacity;
            const mark = loaderData.marks[network.id];
            const icon = "inline size-4 text-accent-700";
            return (
              <Card as="li" key={network.id} className="flex flex-col gap-3">
                <div className="flex flex-col gap-1">
                  <h2 className="text-xl font-semibold text-balance">{network.name}</h2>
                  <div className="flex flex-wrap items-center gap-2">
                    <StateBadge status={network.status} openness={network.openness} />
                    {network.kind === "course" ? <Tag>{t("net.kind.course")}</Tag> : null}
                    {mark ? (
                      <span className="inline-flex items-center gap-1 rounded-full border border-accent-700 bg-accent-50 px-2 py-0.5 text-sm font-semibold text-accent-800">
                        <Check aria-hidden="true" className="size-3.5" />
                        {t(mark === "guide" ? "nav.mark.guide" : "nav.mark.member")}
                      </span>
                    ) : null}
                  </div>
                </div>
                <p className="max-w-3xl text-slate-800">{network.question}</p>
                <FactList
                  compact
                  facts={[
                    {
                      term: t("net.fact.region"),
                      icon: <MapPin aria-hidden="true" className={icon} />,
                      value: [t(netFormLabel[network.form]), network.regionName]
                        .filter(Boolean)
                        .join(" · "),
                    },
                    {
                      term: t("net.fact.start"),
                      icon: <CalendarDays aria-hidden="true" className={icon} />,
                      // A running network's duration already says since when.
                      value:
                        networkDuration(network)?.kind === "ongoing"
                          ? durationText(t, network)
                          : [
                              network.startDate ? t.date(network.startDate) : null,
                              durationText(t, network),
                            ]
                              .filter(Boolean)
                              .join(" · "),
                    },
                    {
                      term: t("net.fact.rhythm"),
                      icon: <Clock aria-hidden="true" className={icon} />,
                      value: network.meetingPattern,
                    },
                    {
                      term: t("net.fact.places"),
                      icon: <Users aria-hidden="true" className={icon} />,
                      value: t("net.size", {
                        count: network.memberCount,
                        capacity: network.capacity,
                      }),
                    },
                    {
                      term: t("net.fact.price"),
                      icon: <Euro aria-hidden="true" className={icon} />,
                      value:
                        network.lowestPrice !== null
                          ? t("net.priceFrom", {
                              price: formatEuro(network.lowestPrice, t.locale),
                            })
                          : null,
                    },
                    {
                      term: t("net.fact.facilitator"),
                      icon: <UserRound aria-hidden="true" className={icon} />,
                      value: network.facilitatorNote,
                    },
                    {
                      term: t("net.fact.sectors"),
                      icon: <GraduationCap aria-hidden="true" className={icon} />,
                      value: [
                        ...network.sectors,
                        ...network.targetFunctions.map((f) => t(labelFor(jobFunctionName, f))),
                      ].join(", "),
                    },
                    {
                      term: t("net.fact.programme"),
                      icon: <Layers aria-hidden="true" className={icon} />,
                      value: network.programmeName,
                    },
                  ]}
                />
                {network.themes.length ? (
                  <ul className="flex flex-wrap gap-1" aria-label={t("net.field.themes")}>
                    {network.themes.map((theme) => (
                      <li key={theme}>
                        <Tag>{theme}</Tag>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {network.openness === "closed" ? <ClosedNote /> : null}
                <div className="mt-auto flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3">
                  {/* A member needs no invitation to join what they are in. */}
                  <p className="text-sm font-medium">
                    {mark
                      ? null
                      : !network.joinable
                        ? t("net.joinable.no")
                        : full
                          ? t("net.joinable.waiting")
                          : t("net.joinable.yes")}
                  </p>
                  <LinkButton to={`/netwerken/${network.id}`} variant="secondary">
                    {/* One span: as flex items the two parts would be read with a space between. */}
                    <span>
                      {t("net.catalogue.view")}
                      <span className="sr-only">: {network.name}</span>
                    </span>
                    <ArrowRight aria-hidden="true" className="size-5" />
                  </LinkButton>
                </div>
              </Card>
            );
          })}
        </ul>
      )}
      <Pagination {...loaderData.pager} />
    </div>
  );
}
