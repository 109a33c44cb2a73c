import { getFormProps } from "@conform-to/react";
import { Form, redirect } from "react-router";
import {
  programmeActivityLabel,
  programmeGroupLabel,
  programmeJoinLabel,
  programmeLeaveLabel,
} from "#app/i18n/labels.ts";
import { SavedNotice } from "#app/modules/toolkit/components/SavedNotice.tsx";
import { spaceBase } from "#app/modules/toolkit/space-access.server.ts";
import {
  addPilot,
  getProgramme,
  sendNewsletter,
  startProgramme,
  toggleSignup,
  updateActivity,
} from "#app/modules/toolkit/theme-programme.server.ts";
import {
  type ProgrammePanelForm,
  programmePanelSchema,
} from "#app/modules/toolkit/themes.schema.ts";
import { requireShape, themeRights } from "#app/modules/toolkit/themes.server.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState } from "#app/ui/layout.tsx";
import { RichText } from "#app/ui/rich-text.tsx";
import { handleIntents } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/theme-programme";

// The network programme panel: the nine activities over 3, 6 or 12 months, the denk- and
// doegroep and the newsletter to sign up for, the pilots, and the newsletter's issues.
export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const view = await getProgramme(db, space, args.params.themeId);
    return { ...view, notice: noticeFrom(args.request) };
  });
}

/** What only the theme's schakels and the space's keepers do; everyone in it signs up and adds pilots. */
const shapes = new Set(["programme", "activity", "newsletter"]);

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space }) => {
    const themeId = args.params.themeId;
    const here = `${spaceBase(space)}/themas/${themeId}/programma`;
    const done = (notice: string) => redirect(`${here}?melding=${notice}#netwerkprogramma`);
    const signup = async (group: "denk" | "doe" | "nieuwsbrief") => {
      await toggleSignup(db, space, themeId, group);
      return done("theme.saved");
    };
    // An unknown theme is a 404, whatever the form says.
    const rights = await themeRights(db, space, themeId);
    return handleIntents(
      args.request,
      programmePanelSchema,
      {
        programme: async ({ startsOn, months }) => {
          await startProgramme(db, space, themeId, { startsOn, months });
          return done("programme.started");
        },
        activity: async ({ intent: _, ...form }) => {
          await updateActivity(db, space, themeId, form);
          return done("theme.saved");
        },
        pilot: async ({ intent: _, ...form }) => {
          await addPilot(db, space, themeId, form);
          return done("theme.saved");
        },
        newsletter: async ({ title, body }) => {
          const link = `${baseUrl(args.request)}${spaceBase(space)}/themas/${themeId}`;
          await sendNewsletter(db, space, themeId, { title, body }, link);
          return done("newsletter.sent");
        },
        denk: async () => signup("denk"),
        doe: async () => signup("doe"),
        nieuwsbrief: async () => signup("nieuwsbrief"),
      },
      {
        // Rights before the form: the programme and the newsletter are the theme's to shape.
        authorize: (intent) => (shapes.has(intent) ? requireShape(rights) : undefined),
      },
    );
  });
}

/** The errors of one activity's form (each activity has its own). */
function activityErrors(actionData: unknown, activity: string) {
  if (!isIntentReply(actionData) || actionData.intent !== "activity") return undefined;
  return actionData.result.initialValue?.activity === activity
    ? actionData.result.error
    : undefined;
}

export default function ProgrammePanel({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { programme, canShape } = loaderData;
  return (
    <section
      id="netwerkprogramma"
      aria-labelledby="programme-title"
      className="flex flex-col gap-3 print:hidden"
    >
      <h2 id="programme-title" className="text-xl font-semibold">
        {t("programme.title")}
      </h2>
      <SavedNotice notice={loaderData.notice} />
      {programme ? (
        <>
          <Card>
            <p>
              {t("programme.period", {
                from: t.date(programme.startsOn),
                months: programme.months,
              })}
            </p>
            <ol className="mt-2 flex flex-col gap-3">
              {programme.activities.map((a, i) => {
                const errors = activityErrors(actionData, a.activity);
                return (
                  <li key={a.activity} className="rounded-md border border-slate-200 p-2">
                    <p className="font-medium">
                      {i + 1}. {t(programmeActivityLabel[a.activity])}{" "}
                      <span className="text-sm font-normal text-slate-700">
                        {a.plannedOn ? t.date(a.plannedOn) : "–"}
                        {a.doneAt ? ` · ${t("programme.done")}` : ""}
                      </span>
                    </p>
                    {a.note ? <p className="text-sm">{a.note}</p> : null}
                    {canShape ? (
                      <details open={!!errors}>
                        <summary className="cursor-pointer text-sm text-accent-700 underline">
                          {t("programme.editActivity", {
                            activity: t(programmeActivityLabel[a.activity]),
                          })}
                        </summary>
                        <Form method="post" className="mt-2 flex flex-wrap items-end gap-3">
                          <input type="hidden" name="intent" value="activity" />
                          <input type="hidden" name="activity" value={a.activity} />
                          <TextField
                            name="plannedOn"
                            id={`planned-${a.activity}`}
                            type="date"
                            label={t("programme.when")}
                            error={errors?.plannedOn?.[0]}
                            defaultValue={a.plannedOn ?? ""}
                          />
                          <TextField
                            name="note"
                            id={`note-${a.activity}`}
                            label={t("programme.note")}
                            error={errors?.note?.[0]}
                            defaultValue={a.note}
                          />
                          <label className="flex items-center gap-2">
                            <input type="checkbox" name="done" defaultChecked={!!a.doneAt} />
                            {t("programme.doneLabel")}
                          </label>
                          <SubmitButton variant="secondary">
                            {t("programme.saveActivity")}
                          </SubmitButton>
                        </Form>
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </Card>
          <div className="grid gap-3 md:grid-cols-3">
            {(["denk", "doe", "nieuwsbrief"] as const).map((group) => (
              <Card key={group}>
                <h3 className="font-semibold">{t(programmeGroupLabel[group])}</h3>
                <ul className="mt-1 text-sm">
                  {programme.signups
                    .filter((s) => s.group === group)
                    .map((s) => (
                      <li key={s.userId}>{s.name}</li>
                    ))}
                </ul>
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value={group} />
                  <SubmitButton variant="secondary">
                    {programme.mine.includes(group)
                      ? t(programmeLeaveLabel[group])
                      : t(programmeJoinLabel[group])}
                  </SubmitButton>
                </Form>
              </Card>
            ))}
          </div>
          <Card>
            <h3 className="font-semibold">{t("programme.pilots")}</h3>
            {programme.pilots.length ? (
              <ul className="mt-1 flex flex-col gap-2">
                {programme.pilots.map((p) => (
                  <li key={p.id}>
                    <span className="font-medium">{p.title}</span>
                    {p.participants ? ` · ${p.participants}` : ""}
                    {p.experiences ? <RichText text={p.experiences} /> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>{t("programme.noPilots")}</EmptyState>
            )}
            <PilotForm actionData={actionData} />
          </Card>
          <Card>
            <h3 className="font-semibold">{t("newsletter.title")}</h3>
            <ul className="mt-1 text-sm">
              {programme.issues.map((issue) => (
                <li key={issue.id}>
                  {issue.title} ·{" "}
                  {t("newsletter.sentTo", {
                    count: issue.recipients,
                    date: t.date(issue.sentAt ?? issue.createdAt),
                  })}
                </li>
              ))}
            </ul>
            {canShape ? <NewsletterForm actionData={actionData} /> : null}
          </Card>
        </>
      ) : canShape ? (
        <StartForm actionData={actionData} />
      ) : (
        <EmptyState>{t("programme.none")}</EmptyState>
      )}
    </section>
  );
}

function PilotForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<ProgrammePanelForm, { intent: "pilot" }>>(
    "pilot",
    actionData,
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="intent" value="pilot" />
      <TextField label={t("programme.pilotTitle")} required {...fieldProps(fields.title)} />
      <TextField label={t("programme.pilotParticipants")} {...fieldProps(fields.participants)} />
      <TextAreaField label={t("programme.pilotExperiences")} {...fieldProps(fields.experiences)} />
      <div>
        <SubmitButton variant="secondary">{t("programme.addPilot")}</SubmitButton>
      </div>
    </Form>
  );
}

function NewsletterForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<ProgrammePanelForm, { intent: "newsletter" }>>(
    "newsletter",
    actionData,
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="intent" value="newsletter" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextField label={t("newsletter.issueTitle")} required {...fieldProps(fields.title)} />
      <TextAreaField label={t("newsletter.body")} required {...fieldProps(fields.body)} />
      <div>
        <SubmitButton>{t("newsletter.send")}</SubmitButton>
      </div>
    </Form>
  );
}

function StartForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<ProgrammePanelForm, { intent: "programme" }>>(
    "programme",
    actionData,
    { defaultValue: { months: "3" } },
  );
  return (
    <Card>
      <p>{t("programme.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="programme" />
        <TextField
          type="date"
          label={t("programme.startsOn")}
          required
          {...fieldProps(fields.startsOn)}
        />
        <SelectField
          label={t("programme.months")}
          {...fieldProps(fields.months)}
          options={[3, 6, 12].map((m) => ({
            value: String(m),
            label: t("programme.monthsOption", { count: m }),
          }))}
        />
        <SubmitButton>{t("programme.start")}</SubmitButton>
      </Form>
    </Card>
  );
}
