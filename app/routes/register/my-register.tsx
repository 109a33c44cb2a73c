import { data, Form, Link } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { listProfessionalThemes } from "#app/modules/progress/professional-themes.server.ts";
import { myCertificates } from "#app/modules/register/certificates.server.ts";
import { requiredPoints } from "#app/modules/register/cycle.ts";
import {
  addActivity,
  addFromCatalogue,
  addValuation,
  assertHasRegisterProfile,
  deleteActivity,
  getMyRegister,
  listRegisterCatalogue,
  saveRegisterProfile,
} from "#app/modules/register/ledger.server.ts";
import {
  activitySchema,
  catalogueEntrySchema,
  profileSchema,
  valuationSchema,
} from "#app/modules/register/register.schema.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { Bar, CumulativeChart } from "#app/ui/charts.tsx";
import {
  CheckboxGroup,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/my-register";

export function meta() {
  return [{ title: "Herregistratie — Knooppunt" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const [register, catalogue, themes, certificates] = await Promise.all([
    getMyRegister(db, actor),
    listRegisterCatalogue(db),
    listProfessionalThemes(db),
    myCertificates(db, actor),
  ]);
  return { register, catalogue, themes: themes.map((t) => t.name), certificates };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const intent = String(formData.get("intent") ?? "");
  const values = Object.fromEntries(
    [...new Set(formData.keys())].map((key) => {
      const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
      return [key, all.length > 1 ? all : (all[0] ?? "")];
    }),
  );
  // A form without a known intent is the activity form's (the action's last branch).
  const target = ["profile", "delete", "catalogue", "valuation"].includes(intent)
    ? intent
    : "activity";
  const fail = (errors: Record<string, string>, on = target) =>
    data({ target: on, errors, values, notice: null }, { status: 400 });
  const done = (notice: string) => ({ target: intent, errors: null, values: null, notice });
  if (intent === "profile") {
    const form = parseForm(profileSchema, formData);
    if (!form.ok) return fail(form.errors);
    await saveRegisterProfile(db, actor, form.data);
    return done("register.profile.saved");
  }
  if (intent === "delete") {
    await deleteActivity(db, actor, String(formData.get("activityId") ?? ""));
    return done("register.activity.deleted");
  }
  // Without a registration date there are no add forms: the reason goes to the date's field.
  const ready = await withFieldErrors(() => assertHasRegisterProfile(db, actor));
  if (!ready.ok) return fail(ready.errors, "profile");
  if (intent === "catalogue") {
    const form = parseForm(catalogueEntrySchema, formData);
    if (!form.ok) return fail(form.errors);
    const result = await withFieldErrors(() => addFromCatalogue(db, actor, form.data));
    return result.ok ? done("register.activity.saved") : fail(result.errors);
  }
  const file = uploadedFile(formData, "file");
  if (intent === "valuation") {
    const form = parseForm(valuationSchema, formData, ["themes"]);
    if (!form.ok) return fail(form.errors);
    const result = await withFieldErrors(() => addValuation(db, actor, form.data, file));
    return result.ok ? done("register.activity.saved") : fail(result.errors);
  }
  const form = parseForm(activitySchema, formData, ["themes"]);
  if (!form.ok) return fail(form.errors);
  const result = await withFieldErrors(() => addActivity(db, actor, form.data, file));
  return result.ok ? done("register.activity.saved") : fail(result.errors);
}

/** Start date, end date and (where asked) hours: the period of an activity. */
function PeriodFields({
  form,
  hours,
  errors,
  value,
}: {
  form: string;
  hours: boolean;
  errors?: Record<string, string>;
  value: (name: string) => string;
}) {
  const t = useT();
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <TextField
        name="startDate"
        id={`${form}-startDate`}
        type="date"
        label={t("register.startDate")}
        required
        error={errors?.startDate}
        defaultValue={value("startDate")}
      />
      <TextField
        name="endDate"
        id={`${form}-endDate`}
        type="date"
        label={t("register.endDate")}
        required
        error={errors?.endDate}
        defaultValue={value("endDate")}
      />
      {hours ? (
        <TextField
          name="hours"
          id={`${form}-hours`}
          label={t("register.hours")}
          error={errors?.hours}
          defaultValue={value("hours")}
        />
      ) : null}
    </div>
  );
}

export default function MyRegister({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { register, catalogue, themes } = loaderData;
  const { errorsFor, valueFor: v, listFor: list } = targetedForm(actionData);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("herreg.title")} intro={t("herreg.intro")}>
        <LockNote>{t("register.private")}</LockNote>
      </PageHeader>
      {actionData?.notice ? <Notice tone="success">{t(actionData.notice)}</Notice> : null}

      <Card>
        <h2 className="text-lg font-semibold">{t("register.cycle")}</h2>
        {register.cycle && register.status ? (
          <div className="mt-2 flex flex-col gap-3">
            <p className="flex flex-wrap items-center gap-2">
              <Tag>{t(`register.status.${register.status}`)}</Tag>
              <span>
                {t("register.cycle.summary", {
                  start: t.date(register.cycle.start),
                  due: t.date(register.cycle.due),
                })}
              </span>
            </p>
            <p className="text-lg font-semibold">
              {t("register.points.summary", { points: register.points, required: requiredPoints })}
              {register.needed
                ? ` ${t("register.points.needed", { needed: register.needed })}`
                : ` ${t("register.points.complete")}`}
            </p>
            <progress
              className="h-4 w-full max-w-xl"
              max={requiredPoints}
              value={Math.min(register.points, requiredPoints)}
              aria-label={t("register.points.bar")}
            />
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
        <Form method="post" noValidate className="mt-4 grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="intent" value="profile" />
          <div className="sm:col-span-3">
            <ErrorSummary errors={errorsFor("profile")} />
          </div>
          <TextField
            name="cycleStart"
            type="date"
            label={t("register.cycleStart")}
            required
            error={errorsFor("profile")?.cycleStart}
            defaultValue={v("profile", "cycleStart", register.profile?.cycleStart ?? "")}
          />
          <TextField
            name="cycleYears"
            label={t("register.cycleYears")}
            required
            error={errorsFor("profile")?.cycleYears}
            defaultValue={v("profile", "cycleYears", String(register.profile?.cycleYears ?? 4))}
          />
          <div className="self-end">
            <SubmitButton variant="secondary">{t("register.profile.save")}</SubmitButton>
          </div>
        </Form>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">{t("register.activities")}</h2>
        {register.activities.length === 0 ? (
          <EmptyState>{t("register.activities.none")}</EmptyState>
        ) : (
          <ul className="mt-2 flex flex-col gap-3">
            {register.activities.map((a) => (
              <li
                key={a.id}
                className={`rounded-md border p-3 ${a.withdrawn || !a.inCycle ? "border-slate-200 bg-slate-50" : "border-slate-300"}`}
              >
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{a.title}</span>
                  <span className="font-medium">
                    {t("register.activity.points", { points: a.points })}
                  </span>
                  {a.withdrawn ? <Tag>{t("register.activity.withdrawn")}</Tag> : null}
                  {!a.inCycle ? <Tag>{t("register.activity.outside")}</Tag> : null}
                  <Tag>{t(`register.source.${a.source}`)}</Tag>
                </p>
                <p className="text-sm text-slate-700">
                  {[
                    a.provider,
                    t(`register.form.${a.learningForm}`),
                    `${t.date(a.startDate)} – ${t.date(a.endDate)}`,
                    a.hours !== null ? t("register.activity.hours", { hours: a.hours }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {a.themes.length ? <p className="text-sm">{a.themes.join(", ")}</p> : null}
                {a.evidence ? <p className="text-sm text-slate-700">{a.evidence}</p> : null}
                {a.withdrawn && a.revokedReason ? (
                  <p className="text-sm text-red-800">
                    {t("register.activity.revokedReason", { reason: a.revokedReason })}
                  </p>
                ) : null}
                <p className="mt-1 flex flex-wrap gap-3 text-sm">
                  {a.evidenceFileId ? (
                    <a
                      href={`/herregistratie/bewijs/${a.evidenceFileId}`}
                      className="text-accent-700 underline"
                    >
                      {t("register.evidence.download")}
                    </a>
                  ) : null}
                  {a.certificateId ? (
                    <a
                      href={`/certificaten/${a.certificateId}/pdf`}
                      className="text-accent-700 underline"
                    >
                      {t("register.certificate.download")}
                    </a>
                  ) : null}
                  {a.certificateCode ? (
                    <span>{t("register.certificate.code", { code: a.certificateCode })}</span>
                  ) : null}
                </p>
                {a.source !== "route" ? (
                  <Form method="post" className="mt-1">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="activityId" value={a.id} />
                    <button
                      type="submit"
                      className="text-sm text-red-700 underline"
                      aria-label={t("register.activity.deleteNamed", { title: a.title })}
                    >
                      {t("register.activity.delete")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {register.cycle ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("register.add")}</h2>
          <nav aria-label={t("register.add")} className="mt-2 flex flex-wrap gap-3 text-sm">
            <a href="#catalogus" className="text-accent-700 underline">
              {t("register.add.catalogue")}
            </a>
            <a href="#activiteit" className="text-accent-700 underline">
              {t("register.add.activity")}
            </a>
            <a href="#waardering" className="text-accent-700 underline">
              {t("register.add.valuation")}
            </a>
          </nav>
          <Form method="post" noValidate className="mt-4 flex flex-col gap-3" id="catalogus">
            <h3 className="font-semibold">{t("register.add.catalogue")}</h3>
            <input type="hidden" name="intent" value="catalogue" />
            <ErrorSummary errors={errorsFor("catalogue")} />
            <SelectField
              name="catalogueId"
              id="catalogue-catalogueId"
              label={t("register.catalogue.pick")}
              required
              placeholder={t("register.catalogue.placeholder")}
              error={errorsFor("catalogue")?.catalogueId}
              defaultValue={v("catalogue", "catalogueId")}
              options={catalogue.map((c) => ({
                value: c.id,
                label: `${c.title} (${c.provider}) — ${c.percentage}%`,
              }))}
            />
            <PeriodFields
              form="catalogue"
              hours={true}
              errors={errorsFor("catalogue")}
              value={(name) => v("catalogue", name)}
            />
            <div>
              <SubmitButton>{t("register.add.save")}</SubmitButton>
            </div>
          </Form>

          <Form
            method="post"
            encType="multipart/form-data"
            noValidate
            className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-4"
            id="activiteit"
          >
            <h3 className="font-semibold">{t("register.add.activity")}</h3>
            <input type="hidden" name="intent" value="activity" />
            <ErrorSummary errors={errorsFor("activity")} />
            <TextField
              name="title"
              id="activity-title"
              label={t("register.activityTitle")}
              required
              error={errorsFor("activity")?.title}
              defaultValue={v("activity", "title")}
            />
            <TextField
              name="provider"
              id="activity-provider"
              label={t("register.provider")}
              error={errorsFor("activity")?.provider}
              defaultValue={v("activity", "provider")}
            />
            <SelectField
              name="learningForm"
              id="activity-learningForm"
              label={t("register.learningForm")}
              required
              error={errorsFor("activity")?.learningForm}
              defaultValue={v("activity", "learningForm", "formal")}
              options={(["formal", "non-formal", "informal"] as const).map((f) => ({
                value: f,
                label: t(`register.form.${f}`),
              }))}
            />
            <PeriodFields
              form="activity"
              hours={true}
              errors={errorsFor("activity")}
              value={(name) => v("activity", name)}
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                name="valueKind"
                id="activity-valueKind"
                label={t("register.valueKind")}
                required
                error={errorsFor("activity")?.valueKind}
                defaultValue={v("activity", "valueKind", "percentage")}
                options={[
                  { value: "percentage", label: t("register.valueKind.percentage") },
                  { value: "points", label: t("register.valueKind.points") },
                ]}
              />
              <TextField
                name="value"
                id="activity-value"
                label={t("register.value")}
                required
                error={errorsFor("activity")?.value}
                defaultValue={v("activity", "value")}
              />
            </div>
            <CheckboxGroup
              name="themes"
              legend={t("register.themes")}
              error={errorsFor("activity")?.themes}
              selected={list("activity", "themes")}
              options={themes.map((theme) => ({ value: theme, label: theme }))}
            />
            <TextAreaField
              name="evidence"
              id="activity-evidence"
              label={t("register.evidence")}
              rows={2}
              error={errorsFor("activity")?.evidence}
              defaultValue={v("activity", "evidence")}
            />
            <FileField
              label={t("register.evidenceFile")}
              hint={t("file.hint")}
              error={errorsFor("activity")?.file}
            />
            <div>
              <SubmitButton>{t("register.add.save")}</SubmitButton>
            </div>
          </Form>

          <Form
            method="post"
            encType="multipart/form-data"
            noValidate
            className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-4"
            id="waardering"
          >
            <h3 className="font-semibold">{t("register.add.valuation")}</h3>
            <p className="text-sm text-slate-700">{t("register.valuation.intro")}</p>
            <input type="hidden" name="intent" value="valuation" />
            <ErrorSummary errors={errorsFor("valuation")} />
            <TextField
              name="title"
              id="valuation-title"
              label={t("register.activityTitle")}
              required
              error={errorsFor("valuation")?.title}
              defaultValue={v("valuation", "title")}
            />
            <TextField
              name="provider"
              id="valuation-provider"
              label={t("register.bureau")}
              error={errorsFor("valuation")?.provider}
              defaultValue={v("valuation", "provider")}
            />
            <PeriodFields
              form="valuation"
              hours={false}
              errors={errorsFor("valuation")}
              value={(name) => v("valuation", name)}
            />
            <TextField
              name="value"
              id="valuation-value"
              label={t("register.awardedPoints")}
              required
              error={errorsFor("valuation")?.value}
              defaultValue={v("valuation", "value")}
            />
            <FileField
              id="valuation-file"
              label={t("register.valuationFile")}
              error={errorsFor("valuation")?.file}
            />
            <div>
              <SubmitButton>{t("register.add.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}

      {loaderData.certificates.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("register.certificates")}</h2>
          <ul className="mt-2 flex flex-col gap-2">
            {loaderData.certificates.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2">
                <a href={`/certificaten/${c.id}/pdf`} className="text-accent-700 underline">
                  {c.title} — {c.routeName}
                </a>
                <span className="text-sm">{t("register.certificate.code", { code: c.code })}</span>
                {c.revokedAt ? <Tag>{t("register.activity.withdrawn")}</Tag> : null}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link to="/certificaat-controleren" className="text-accent-700 underline">
              {t("certverify.title")}
            </Link>
          </p>
        </Card>
      ) : null}
    </div>
  );
}
