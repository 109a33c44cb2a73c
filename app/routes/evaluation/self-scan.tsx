import { getFormProps } from "@conform-to/react";
import { Form, Link } from "react-router";
import type { MessageKey } from "#app/i18n/catalogues/index.ts";
import { planSharedWithLabel } from "#app/i18n/labels.ts";
import { PlanList } from "#app/modules/evaluation/components/plan-list.tsx";
import {
  type SelfScanPageForm,
  selfScanPageSchema,
} from "#app/modules/evaluation/evaluation.schema.ts";
import { getSelfScan, savePlan, submitScan } from "#app/modules/evaluation/selfscan.server.ts";
import { scaleLabels } from "#app/modules/evaluation/survey-template.ts";
import { Bar } from "#app/ui/charts.tsx";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/self-scan";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.selfScan");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const frameworkId = new URL(args.request.url).searchParams.get("raamwerk");
    return getSelfScan(db, actor, frameworkId);
  });
}

// Both forms stay on the page (the scan's profile and the plans are below them): a success is
// a notice, not a redirect.
export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleIntents(args.request, selfScanPageSchema, {
      scan: async (scan) => {
        // One answer per statement, named by the statement's id; the module checks each.
        const answers = Object.fromEntries(
          Object.entries(scan).filter((e): e is [string, string] => typeof e[1] === "string"),
        );
        await submitScan(db, actor, scan.frameworkId, answers);
        return { notice: "selfscan.saved" };
      },
      plan: async ({ intent: _intent, goal1, action1, due1, goal2, action2, due2, ...plan }) => {
        const items = [
          { goal: goal1, action: action1, dueDate: due1 },
          ...(goal2 && action2 ? [{ goal: goal2, action: action2, dueDate: due2 }] : []),
        ];
        await savePlan(db, actor, { ...plan, items });
        return { notice: "plan.saved" };
      },
    }),
  );
}

type PageForm<I extends SelfScanPageForm["intent"]> = Extract<SelfScanPageForm, { intent: I }>;

export default function SelfScan({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { framework, statements, profile } = loaderData;
  const [scanForm] = useIntentForm<PageForm<"scan">>("scan", actionData);
  const [planForm, plan] = useIntentForm<PageForm<"plan">>("plan", actionData, {
    defaultValue: { sharedWith: "nobody" },
  });
  const answered = actionData as { notice?: MessageKey } | undefined;
  const notice = answered?.notice ?? null;
  // The scan's radios are named by statement id: their errors and kept answers by that name.
  const scanError = (id: string) => scanForm.allErrors[id]?.[0];
  const scanKept = (id: string) =>
    (scanForm.initialValue as Record<string, unknown> | undefined)?.[id];
  const competences = [...new Set(statements.map((s) => s.competence))];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("selfscan.title")} intro={t("selfscan.intro")}>
        {loaderData.canLoadFramework ? (
          <Link to="/zelfscan/raamwerk" className="text-accent-700 underline">
            {t("framework.load")}
          </Link>
        ) : null}
      </PageHeader>
      <LockNote>{t("selfscan.private")}</LockNote>
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      {loaderData.frameworks.length > 1 ? (
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField
            name="raamwerk"
            label={t("selfscan.framework")}
            defaultValue={framework?.id ?? ""}
            options={loaderData.frameworks.map((f) => ({ value: f.id, label: f.name }))}
          />
          <SubmitButton variant="secondary">{t("selfscan.choose")}</SubmitButton>
        </Form>
      ) : null}
      {profile.length ? (
        <Card>
          <h2 className="text-lg font-semibold">
            {t("selfscan.profile", {
              date: loaderData.latest ? t.date(loaderData.latest.createdAt) : "",
            })}
          </h2>
          <div className="mt-2 flex flex-col gap-1">
            {profile.map((row) => (
              <Bar key={row.competence} label={row.competence} value={row.mean} max={5} />
            ))}
          </div>
        </Card>
      ) : null}
      {framework ? (
        <Card>
          <h2 className="text-lg font-semibold">{framework.name}</h2>
          <Form method="post" {...getFormProps(scanForm)} className="mt-3 flex flex-col gap-4">
            <input type="hidden" name="intent" value="scan" />
            <input type="hidden" name="frameworkId" value={framework.id} />
            <ErrorSummary errors={fieldErrorsOf(scanForm)} />
            {competences.map((competence) => (
              <section key={competence} className="flex flex-col gap-3">
                <h3 className="font-semibold">{competence}</h3>
                {statements
                  .filter((s) => s.competence === competence)
                  .map((statement) => (
                    <fieldset
                      key={statement.id}
                      aria-describedby={
                        scanError(statement.id) ? `${statement.id}-error` : undefined
                      }
                    >
                      <legend>{statement.text}</legend>
                      <div className="mt-1 flex flex-col gap-1 sm:flex-row sm:gap-4">
                        {scaleLabels.map((label, i) => (
                          <label key={label} className="flex items-center gap-2 text-sm">
                            <input
                              type="radio"
                              name={statement.id}
                              value={String(i + 1)}
                              defaultChecked={scanKept(statement.id) === String(i + 1)}
                              className="size-4"
                            />
                            {i + 1} · {label}
                          </label>
                        ))}
                      </div>
                      {scanError(statement.id) ? (
                        <p
                          id={`${statement.id}-error`}
                          className="text-sm font-medium text-red-700"
                        >
                          {t.error(scanError(statement.id) ?? "")}
                        </p>
                      ) : null}
                    </fieldset>
                  ))}
              </section>
            ))}
            <div>
              <SubmitButton>{t("selfscan.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : (
        <Card>
          <EmptyState>{t("selfscan.noFramework")}</EmptyState>
        </Card>
      )}
      <Card>
        <h2 className="text-lg font-semibold">{t("plan.new")}</h2>
        <Form method="post" {...getFormProps(planForm)} className="mt-3 flex flex-col gap-3">
          <input type="hidden" name="intent" value="plan" />
          <input type="hidden" name="scanId" value={loaderData.latest?.id ?? ""} />
          <ErrorSummary errors={fieldErrorsOf(planForm)} />
          {([1, 2] as const).map((n) => (
            <div key={n} className="grid gap-3 sm:grid-cols-3">
              <TextField
                {...fieldProps(plan[`goal${n}`])}
                label={t("plan.goal", { n })}
                required={n === 1}
              />
              <TextField
                {...fieldProps(plan[`action${n}`])}
                label={t("plan.action", { n })}
                required={n === 1}
              />
              <TextField
                {...fieldProps(plan[`due${n}`])}
                type="date"
                label={t("plan.due", { n })}
              />
            </div>
          ))}
          {loaderData.questions.length ? (
            <SelectField
              {...fieldProps(plan.learningQuestionId)}
              label={t("plan.question")}
              placeholder={t("plan.question.none")}
              options={loaderData.questions.map((q) => ({
                value: q.id,
                label: q.text.slice(0, 120),
              }))}
            />
          ) : null}
          <SelectField
            {...fieldProps(plan.networkId)}
            label={t("plan.network")}
            placeholder={t("plan.network.none")}
            options={loaderData.networks.map((n) => ({ value: n.id, label: n.name }))}
          />
          <SelectField
            {...fieldProps(plan.sharedWith)}
            label={t("plan.sharedWith")}
            options={(["nobody", "buddy", "facilitator"] as const).map((v) => ({
              value: v,
              label: t(planSharedWithLabel[v]),
            }))}
          />
          <div>
            <SubmitButton>{t("plan.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
      {loaderData.plans.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("plan.mine")}</h2>
          <PlanList plans={loaderData.plans} />
        </Card>
      ) : null}
    </div>
  );
}
