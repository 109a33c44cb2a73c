import type { ReactNode } from "react";
import { labelFor, netStateLabel, phaseHint, phaseLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";
import { LockNote } from "#app/ui/layout.tsx";
import { formatEuro } from "../pricing.ts";

export function StateBadge({ status, openness }: { status: string; openness: string }) {
  const t = useT();
  const key =
    status === "in-formation"
      ? "net.state.in-formation"
      : status === "ended"
        ? "net.state.ended"
        : labelFor(netStateLabel, openness);
  const tone =
    status === "in-formation"
      ? "bg-amber-100 text-amber-900"
      : openness === "closed"
        ? "bg-slate-200 text-slate-900"
        : "bg-green-100 text-green-900";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-medium ${tone}`}
    >
      {openness === "closed" && status !== "in-formation" ? (
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5 fill-current">
          <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm-2 6V6a2 2 0 1 1 4 0v2H8Z" />
        </svg>
      ) : null}
      {t(key)}
    </span>
  );
}

/**
 * Where the network stands in one line, above its name: "Open leernetwerk · in oprichting".
 */
export function networkContext(
  t: ReturnType<typeof useT>,
  network: { openness: string; kind: string; status: string },
) {
  return t("net.context", {
    openness: network.openness,
    kind: network.kind,
    // An ICU selector has no hyphen.
    status: network.status === "in-formation" ? "forming" : network.status,
  });
}

export type Fact = { term: string; value: string | null | undefined; icon?: ReactNode };

/**
 * Facts as a definition list with short terms ("Facilitator", "Looptijd"), never the form's
 * question. Empty facts are left out. `compact`: a card's facts, the icon standing in for the
 * term on screen (the term stays for screen readers).
 */
export function FactList({ facts, compact = false }: { facts: Fact[]; compact?: boolean }) {
  const shown = facts.filter((fact): fact is Fact & { value: string } => !!fact.value);
  if (compact)
    return (
      <dl className="grid gap-x-6 gap-y-1.5 text-sm text-slate-800 sm:grid-cols-2">
        {shown.map(({ term, value, icon }) => (
          <div key={term} className="flex min-w-0 items-start gap-2">
            <dt className="shrink-0 pt-0.5 text-slate-600">
              {icon}
              <span className={icon ? "sr-only" : "font-medium"}>{term}</span>
            </dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    );
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {shown.map(({ term, value }) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-600">{term}</dt>
          <dd className="mb-1 min-w-0 break-words sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ClosedNote() {
  const t = useT();
  return <LockNote>{t("net.closedNote")}</LockNote>;
}

/** The three phases as steps, the current one marked; readable as a list. */
export function PhaseSteps({ phase }: { phase: string }) {
  const t = useT();
  const phases = ["zaaien", "cultiveren", "oogsten"] as const;
  const current = phases.indexOf(phase as (typeof phases)[number]);
  return (
    <ol className="grid grid-cols-3 gap-2" aria-label={t("net.page.phase")}>
      {phases.map((p, index) => (
        <li
          key={p}
          aria-current={index === current ? "step" : undefined}
          className={`rounded-md border-t-4 p-2 text-sm ${index <= current ? "border-accent-700 bg-accent-50" : "border-slate-300 bg-white"}`}
        >
          <span className="block font-semibold">{t(phaseLabel[p])}</span>
          <span className="text-slate-700">{t(phaseHint[p])}</span>
        </li>
      ))}
    </ol>
  );
}

interface RouteView {
  id: string;
  name: string;
  priceCents: number;
  secondPersonPriceCents: number | null;
  includes: string;
  extraCosts: string;
  vatExempt: boolean;
  stepNumbers: number[];
}

/** Routes with prices, and the seed's table: which steps each route has. */
export function RoutesOverview({
  routes,
  steps,
}: {
  routes: RouteView[];
  steps: { number: number; title: string }[];
}) {
  const t = useT();
  if (!routes.length) return <p className="text-slate-700">{t("net.page.routes.empty")}</p>;
  return (
    <div className="flex flex-col gap-4">
      <ul className="grid gap-3 sm:grid-cols-2">
        {routes.map((route) => (
          <li key={route.id} className="rounded-md border border-slate-200 p-3">
            <p className="font-semibold">{route.name}</p>
            <p className="text-xl">
              {formatEuro(route.priceCents, t.locale)}
              {route.vatExempt ? (
                <span className="ml-2 text-sm text-slate-700">({t("net.page.vatExempt")})</span>
              ) : null}
            </p>
            {route.secondPersonPriceCents !== null ? (
              <p className="text-sm text-slate-700">
                {t("net.page.secondPerson", {
                  price: formatEuro(route.secondPersonPriceCents, t.locale),
                })}
              </p>
            ) : null}
            {route.includes ? (
              <p className="text-sm text-slate-700">
                {t("net.page.includes", { text: route.includes })}
              </p>
            ) : null}
            {route.extraCosts ? (
              <p className="text-sm text-slate-700">
                {t("net.page.extraCosts", { costs: route.extraCosts })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {steps.length ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls sideways; keyboard users must reach it to scroll (axe scrollable-region-focusable)
        <section className="overflow-x-auto" tabIndex={0} aria-label={t("net.page.steps")}>
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left font-semibold">{t("net.page.steps")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("net.page.step")}
                </th>
                {routes.map((route) => (
                  <th key={route.id} scope="col" className="p-2">
                    {route.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => (
                <tr key={step.number} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-normal">
                    {step.number}. {step.title}
                  </th>
                  {routes.map((route) => (
                    <td key={route.id} className="p-2">
                      <span aria-hidden="true">
                        {route.stepNumbers.includes(step.number) ? "✓" : "—"}
                      </span>
                      <span className="sr-only">
                        {t(route.stepNumbers.includes(step.number) ? "common.yes" : "common.no")}
                      </span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
