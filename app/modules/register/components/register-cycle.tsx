import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import { registerStatusLabel } from "#app/i18n/labels.ts";
import { requiredPoints } from "#app/modules/register/cycle.ts";
import type { getMyRegister } from "#app/modules/register/ledger.server.ts";
import type { RegisterPageForm } from "#app/modules/register/register.schema.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { buttonClass } from "#app/ui/button.tsx";
import { Bar, CumulativeChart } from "#app/ui/charts.tsx";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Tag } from "#app/ui/layout.tsx";

export type Register = Awaited<ReturnType<typeof getMyRegister>>;

/** The cycle: its dates, the points so far and over time, and the form that sets it. */
export function RegisterCycle({
  register,
  actionData,
}: {
  register: Register;
  actionData: unknown;
}) {
  const t = useT();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("register.cycle")}</h2>
      {register.cycle && register.status ? (
        <div className="mt-2 flex flex-col gap-3">
          <p className="flex flex-wrap items-center gap-2">
            <Tag>{t(registerStatusLabel[register.status])}</Tag>
            <span>
              {t("register.cycle.summary", {
                start: t.date(register.cycle.start),
                due: t.date(register.cycle.due),
              })}
            </span>
          </p>
          <div className="flex flex-col gap-1">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4">
              <p id="register-points" className="text-lg font-semibold">
                {t("register.points.summary", {
                  points: register.points,
                  required: requiredPoints,
                })}
              </p>
              <p className="text-sm text-slate-700">
                {t("register.points.deadline", { due: t.date(register.cycle.due) })}
              </p>
            </div>
            {/* The whole width of the card; its name is the visible sentence above it. */}
            <progress
              className="h-3 w-full overflow-hidden rounded-full bg-slate-200 accent-accent-700 [&::-moz-progress-bar]:bg-accent-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-accent-700"
              max={requiredPoints}
              value={Math.min(register.points, requiredPoints)}
              aria-label={t("register.points.bar")}
              aria-describedby="register-points"
            />
            <p>
              {register.needed
                ? t("register.points.needed", { needed: register.needed })
                : t("register.points.complete")}
            </p>
          </div>
          {register.byTheme.length ? (
            <div className="flex flex-col gap-1">
              <h3 className="font-medium">{t("register.byTheme")}</h3>
              {register.byTheme.map((row) => (
                <Bar
                  key={row.theme}
                  label={row.theme}
                  value={row.points}
                  max={Math.max(requiredPoints, register.points)}
                />
              ))}
            </div>
          ) : null}
          <CumulativeChart
            title={t("register.chart")}
            start={register.cycle.start}
            end={register.cycle.due}
            target={requiredPoints}
            points={register.overTime.map((p) => ({
              date: p.date,
              value: p.points,
              label: p.title,
            }))}
            formatDay={(day) => t.date(day)}
            valueLabel={t("register.chart.value")}
            itemLabel={t("register.chart.item")}
          />
          <p className="flex flex-wrap gap-4">
            <a href="/herregistratie/overzicht/pdf" className="text-accent-700 underline">
              {t("register.export.pdf")}
            </a>
            <a href="/herregistratie/overzicht/xlsx" className="text-accent-700 underline">
              {t("register.export.xlsx")}
            </a>
          </p>
        </div>
      ) : (
        <p className="mt-2">{t("register.noProfile")}</p>
      )}
      {register.cycle ? (
        // Once the cycle is known its date rarely changes: the form waits behind a button.
        <details
          open={
            isIntentReply(actionData) &&
            actionData.intent === "profile" &&
            !!actionData.result.error
          }
          className="mt-4 border-t border-slate-200 pt-3"
        >
          <summary className={`${buttonClass("quiet", "sm")} cursor-pointer`}>
            {t("register.profile.change")}
          </summary>
          <ProfileForm register={register} actionData={actionData} />
        </details>
      ) : (
        <ProfileForm register={register} actionData={actionData} />
      )}
    </Card>
  );
}

/**
 * The registration date and cycle length. Adding an activity before there is one is refused
 * here, at the date's field (the add forms appear only once there is a cycle).
 */
function ProfileForm({ register, actionData }: { register: Register; actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<RegisterPageForm, { intent: "profile" }>>(
    "profile",
    actionData,
    {
      defaultValue: {
        cycleStart: register.profile?.cycleStart ?? "",
        cycleYears: String(register.profile?.cycleYears ?? 4),
      },
    },
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-3 sm:grid-cols-3">
      <input type="hidden" name="intent" value="profile" />
      <div className="sm:col-span-3">
        <ErrorSummary errors={fieldErrorsOf(form)} />
      </div>
      <TextField
        type="date"
        label={t("register.cycleStart")}
        required
        {...fieldProps(fields.cycleStart)}
      />
      <TextField label={t("register.cycleYears")} required {...fieldProps(fields.cycleYears)} />
      <div className="self-end">
        <SubmitButton variant="secondary">{t("register.profile.save")}</SubmitButton>
      </div>
    </Form>
  );
}
