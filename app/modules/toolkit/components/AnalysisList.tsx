import { Link } from "react-router";
import { analysisCategoryLabel, labelFor, positionLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState } from "#app/ui/layout.tsx";
import type { Position } from "../knows-about.ts";

interface ListItem {
  id: string;
  kind: string;
  label: string;
  category: string;
  personName: string | null;
  position: Position | null;
  story: string;
  invitedAt: Date | string | null;
  linkedTo: string[];
}

/** The analysis as a list and a table: what the picture shows, readable without seeing it. */
export function AnalysisList({ items }: { items: ListItem[] }) {
  const t = useT();
  const ingredients = items.filter((i) => i.kind === "ingredient");
  const schakels = items.filter((i) => i.kind === "schakel");
  const nameOf = new Map(items.map((i) => [i.id, i.label]));
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("analysis.asList")}</h2>
      <h3 className="mt-2 font-semibold">{t("analysis.schakels", { count: schakels.length })}</h3>
      {schakels.length ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">
              {t("analysis.schakels", { count: schakels.length })}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">
                  {t("analysis.name")}
                </th>
                <th scope="col" className="p-2">
                  {t("analysis.position")}
                </th>
                <th scope="col" className="p-2">
                  {t("analysis.connects")}
                </th>
                <th scope="col" className="p-2">
                  {t("analysis.story")}
                </th>
              </tr>
            </thead>
            <tbody>
              {schakels.map((item) => (
                <tr key={item.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="p-2 font-medium">
                    <Link
                      to={`?item=${item.id}`}
                      preventScrollReset
                      className="text-accent-700 underline"
                    >
                      {item.label}
                    </Link>
                    {item.personName && item.personName !== item.label
                      ? ` (${item.personName})`
                      : ""}
                  </th>
                  <td className="p-2">
                    {item.position
                      ? `${item.position} – ${t(labelFor(positionLabel, item.position))}`
                      : "–"}
                  </td>
                  <td className="p-2">
                    {item.linkedTo.map((id) => nameOf.get(id)).join(", ") || "–"}
                  </td>
                  <td className="p-2">
                    {item.story || "–"}
                    {item.invitedAt
                      ? ` · ${t("analysis.invitedOn", { date: t.date(item.invitedAt) })}`
                      : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t("analysis.noSchakels")}</EmptyState>
      )}
      <h3 className="mt-4 font-semibold">
        {t("analysis.ingredientList", { count: ingredients.length })}
      </h3>
      {ingredients.length ? (
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {ingredients.map((item) => (
            <li key={item.id}>
              <Link
                to={`?item=${item.id}`}
                preventScrollReset
                className="text-accent-700 underline"
              >
                {item.label}
              </Link>{" "}
              <span className="text-sm text-slate-700">
                ({t(labelFor(analysisCategoryLabel, item.category))})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t("analysis.noIngredients")}</EmptyState>
      )}
    </Card>
  );
}
