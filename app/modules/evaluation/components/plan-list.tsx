import { labelFor, planSharedWithLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";

/** Action plans with their goals, actions and dates. */
export function PlanList({
  plans,
}: {
  plans: {
    id: string;
    owner: string;
    sharedWith: string;
    networkName: string | null;
    question: string | null;
    items: { id: string; goal: string; action: string; dueDate: string | null }[];
  }[];
}) {
  const t = useT();
  return (
    <ul className="mt-2 flex flex-col gap-3">
      {plans.map((plan) => (
        <li key={plan.id} className="rounded-md border border-slate-300 p-3">
          <p className="text-sm text-slate-700">
            {plan.owner} · {t(labelFor(planSharedWithLabel, plan.sharedWith))}
            {plan.networkName ? ` · ${plan.networkName}` : ""}
          </p>
          {plan.question ? (
            <p className="text-sm">{t("plan.forQuestion", { question: plan.question })}</p>
          ) : null}
          <ul className="mt-1 list-disc pl-6">
            {plan.items.map((item) => (
              <li key={item.id}>
                <span className="font-medium">{item.goal}</span> — {item.action}
                {item.dueDate ? ` (${t.date(item.dueDate)})` : ""}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
