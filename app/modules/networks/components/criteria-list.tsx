import { supportSourceLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";

export interface CriterionRow {
  criterionId: string;
  label: string;
  source: "computed" | "declared";
  met: boolean;
  detail: string;
}

/** Criterion by criterion: met or not, computed or declared, with the reason. */
export function CriteriaList({ results }: { results: CriterionRow[] }) {
  const t = useT();
  const met = results.filter((r) => r.met).length;
  return (
    <div>
      <p className="mb-2 font-medium">{t("support.summary", { met, total: results.length })}</p>
      <div className="mb-3 h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div
          className="h-full bg-accent-700"
          style={{ width: `${results.length ? (met / results.length) * 100 : 0}%` }}
        />
      </div>
      <ol className="flex flex-col gap-2">
        {results.map((result) => (
          <li
            key={result.criterionId}
            className="flex gap-3 rounded-md border border-slate-200 p-2"
          >
            <span
              aria-hidden="true"
              className={`mt-0.5 font-bold ${result.met ? "text-green-800" : "text-red-700"}`}
            >
              {result.met ? "✓" : "✗"}
            </span>
            <span>
              <span className="block font-medium">{result.label}</span>
              <span className="block text-sm text-slate-700">
                <span className="font-medium">
                  {result.met ? t("support.met") : t("support.notMet")}
                </span>{" "}
                ({t(supportSourceLabel[result.source])}) — {result.detail}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
