import { data, Form, Link } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import { PlanList } from "#app/modules/evaluation/components/plan-list.tsx";
import { getSelfScan, savePlan, submitScan } from "#app/modules/evaluation/selfscan.server.ts";
import { scaleLabels } from "#app/modules/evaluation/survey-template.ts";
import { parseForm } from "#app/platform/forms.ts";
import { Bar } from "#app/ui/charts.tsx";
import { ErrorSummary, SelectField, SubmitButton, TextField, targetedForm } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/self-scan";

export function meta() {
  return [{ title: "Zelfscan en actieplan — Knooppunt" }];
}

const optionalId = z
  .string()
  .trim()
  .default("")
  .transform((v) => v || null)
  .pipe(z.uuid().nullable());
const day = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "error.meeting.day")
  .transform((v) => v || null);
const planSchema = z
  .object({
    scanId: optionalId,
    learningQuestionId: optionalId,
    networkId: optionalId,
    sharedWith: z.enum(["nobody", "buddy", "facilitator"]),
    goal1: z.string().trim().max(300, "error.tooLong500").default(""),
    action1: z.string().trim().max(500, "error.tooLong500").default(""),
    due1: day,
    goal2: z.string().trim().max(300, "error.tooLong500").default(""),
    action2: z.string().trim().max(500, "error.tooLong500").default(""),
    due2: day,
  })
  .superRefine((value, ctx) => {
    if (!value.goal1 || !value.action1)
      ctx.addIssue({ code: "custom", path: ["goal1"], message: "error.plan.first" });
  });

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const frameworkId = new URL(request.url).searchParams.get("raamwerk");
  return getSelfScan(await getDb(), actor, frameworkId);
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const values = Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  if (formData.get("intent") === "scan") {
    const result = await withFieldErrors(() =>
      submitScan(db, actor, String(formData.get("frameworkId") ?? ""), values),
    );
    if (!result.ok)
      return data({ target: "scan", errors: result.errors, values, notice: null }, { status: 400 });
    return { target: "scan", errors: null, values: null, notice: "selfscan.saved" };
  }
  const form = parseForm(planSchema, formData);
  if (!form.ok)
    return data({ target: "plan", errors: form.errors, values, notice: null }, { status: 400 });
  const { goal1, action1, due1, goal2, action2, due2, ...plan } = form.data;
  const items = [
    { goal: goal1, action: action1, dueDate: due1 },
    ...(goal2 && action2 ? [{ goal: goal2, action: action2, dueDate: due2 }] : []),
  ];
  const result = await withFieldErrors(() => savePlan(db, actor, { ...plan, items }));
  if (!result.ok)
    return data({ target: "plan", errors: result.errors, values, notice: null }, { status: 400 });
  return { target: "plan", errors: null, values: null, notice: "plan.saved" };
}

export default function SelfScan({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { framework, statements, profile } = loaderData;
  const { errorsFor: errorsOf, valueFor: formValue } = targetedForm(actionData);
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
      {actionData?.notice ? <Notice tone="success">{t(actionData.notice)}</Notice> : null}
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
          <Form method="post" noValidate className="mt-3 flex flex-col gap-4">
            <input type="hidden" name="intent" value="scan" />
            <input type="hidden" name="frameworkId" value={framework.id} />
            <ErrorSummary errors={errorsOf("scan")} />
            {competences.map((competence) => (
              <section key={competence} className="flex flex-col gap-3">
                <h3 className="font-semibold">{competence}</h3>
                {statements
                  .filter((s) => s.competence === competence)
                  .map((statement) => (
                    <fieldset
                      key={statement.id}
                      aria-describedby={
                        errorsOf("scan")?.[statement.id] ? `${statement.id}-error` : undefined
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
                              defaultChecked={formValue("scan", statement.id) === String(i + 1)}
                              className="size-4"
                            />
                            {i + 1} · {label}
                          </label>
                        ))}
                      </div>
                      {errorsOf("scan")?.[statement.id] ? (
                        <p
                          id={`${statement.id}-error`}
                          className="text-sm font-medium text-red-700"
                        >
                          {t(errorsOf("scan")?.[statement.id] ?? "")}
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
        <Form method="post" noValidate className="mt-3 flex flex-col gap-3">
          <input type="hidden" name="intent" value="plan" />
          <input type="hidden" name="scanId" value={loaderData.latest?.id ?? ""} />
          <ErrorSummary errors={errorsOf("plan")} />
          {[1, 2].map((n) => (
            <div key={n} className="grid gap-3 sm:grid-cols-3">
              <TextField
                name={`goal${n}`}
                label={t("plan.goal", { n })}
                required={n === 1}
                error={errorsOf("plan")?.[`goal${n}`]}
                defaultValue={formValue("plan", `goal${n}`)}
              />
              <TextField
                name={`action${n}`}
                label={t("plan.action", { n })}
                required={n === 1}
                error={errorsOf("plan")?.[`action${n}`]}
                defaultValue={formValue("plan", `action${n}`)}
              />
              <TextField
                name={`due${n}`}
                type="date"
                label={t("plan.due", { n })}
                error={errorsOf("plan")?.[`due${n}`]}
                defaultValue={formValue("plan", `due${n}`)}
              />
            </div>
          ))}
          {loaderData.questions.length ? (
            <SelectField
              name="learningQuestionId"
              label={t("plan.question")}
              placeholder={t("plan.question.none")}
              error={errorsOf("plan")?.learningQuestionId}
              defaultValue={formValue("plan", "learningQuestionId")}
              options={loaderData.questions.map((q) => ({
                value: q.id,
                label: q.text.slice(0, 120),
              }))}
            />
          ) : null}
          <SelectField
            name="networkId"
            label={t("plan.network")}
            placeholder={t("plan.network.none")}
            error={errorsOf("plan")?.networkId}
            defaultValue={formValue("plan", "networkId")}
            options={loaderData.networks.map((n) => ({ value: n.id, label: n.name }))}
          />
          <SelectField
            name="sharedWith"
            label={t("plan.sharedWith")}
            defaultValue={formValue("plan", "sharedWith") || "nobody"}
            options={(["nobody", "buddy", "facilitator"] as const).map((v) => ({
              value: v,
              label: t(`plan.sharedWith.${v}`),
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
