import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { labelFor, positionLabel as positionKey, toolkitKindLabel } from "#app/i18n/labels.ts";
import {
  addStepNote,
  getInitiative,
  initiativeRights,
  moveInitiative,
  requireSteer,
  setInvolvement,
} from "#app/modules/toolkit/initiatives.server.ts";
import { spaceBase, spaceSummary } from "#app/modules/toolkit/space-access.server.ts";
import {
  type InitiativePageForm,
  initiativePageSchema,
  positions,
} from "#app/modules/toolkit/toolkit.schema.ts";
import { spacePeople } from "#app/modules/toolkit/toolkit.server.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { RichText } from "#app/ui/rich-text.tsx";
import { handleIntents } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/initiative";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.initiative.name, "pageTitle.initiative");
}

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const view = await getInitiative(db, space, args.params.initiativeId);
    const people = view.canSteer ? await spacePeople(db, space) : [];
    return {
      ...view,
      space: spaceSummary(space),
      people,
      base: spaceBase(space),
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space, actor }) => {
    const initiativeId = args.params.initiativeId;
    const here = `${spaceBase(space)}/initiatieven/${initiativeId}`;
    const moved = async (move: "next" | "back" | "complete" | "reopen") => {
      await moveInitiative(db, space, initiativeId, move);
      return redirect(`${here}?melding=toolkit.moved`);
    };
    // Interest, the pilot and help: for oneself, in the way the button says.
    const involve = async (
      kind: "role" | "interest" | "help" | "pilot",
      form: { userId?: string; position: (typeof positions)[number] | "none"; note: string },
    ) => {
      await setInvolvement(db, space, initiativeId, { userId: actor.userId, ...form, kind });
      return redirect(`${here}?melding=toolkit.involvementSaved`);
    };
    // An initiative of another space (or none) is a 404, whatever the form says.
    const rights = await initiativeRights(db, space, initiativeId);
    return handleIntents(
      args.request,
      initiativePageSchema,
      {
        next: async () => moved("next"),
        back: async () => moved("back"),
        complete: async () => moved("complete"),
        reopen: async () => moved("reopen"),
        note: async ({ note }) => {
          await addStepNote(db, space, initiativeId, note);
          return redirect(`${here}?melding=toolkit.noteSaved`);
        },
        interest: async (form) => involve("interest", form),
        pilot: async (form) => involve("pilot", form),
        help: async (form) => involve("help", form),
        position: async (form) => involve("role", form),
      },
      {
        // Rights before the form: moving steps and placing others is for those who steer it.
        authorize: (intent) =>
          ["next", "back", "complete", "reopen", "position"].includes(intent)
            ? requireSteer(rights)
            : undefined,
      },
    );
  });
}

export default function Initiative({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { initiative, steps, notes, current, history, canSteer, me, base } = loaderData;
  const formError = formErrorOf(actionData);
  const mine = current.find((r) => r.userId === me);
  const done = !!initiative.completedAt;
  const inTrial = steps[initiative.currentStep]?.phase === "uitproberen";
  const positionLabel = (p: string) => t(labelFor(positionKey, p));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={initiative.name} intro={loaderData.space.name}>
        <Link to={base} className="text-accent-700 underline">
          {t("toolkit.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {loaderData.orphaned ? (
        <div
          role="status"
          className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-amber-950"
        >
          {t("toolkit.orphanedLong")}
        </div>
      ) : null}
      <ErrorSummary errors={formError ? { form: formError } : undefined} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <Card>
            <dl className="flex flex-col gap-2">
              <dt className="font-semibold">{t("toolkit.goal")}</dt>
              <dd>
                <RichText text={initiative.goal} />
              </dd>
              {initiative.forWhom ? (
                <>
                  <dt className="font-semibold">{t("toolkit.forWhom")}</dt>
                  <dd>{initiative.forWhom}</dd>
                </>
              ) : null}
              {initiative.valueForOthers ? (
                <>
                  <dt className="font-semibold">{t("toolkit.valueForOthers")}</dt>
                  <dd>{initiative.valueForOthers}</dd>
                </>
              ) : null}
              {loaderData.themes.length ? (
                <>
                  <dt className="font-semibold">{t("toolkit.themes")}</dt>
                  <dd className="flex flex-wrap gap-2">
                    {loaderData.themes.map((theme) => (
                      <Tag key={theme.id}>{theme.name}</Tag>
                    ))}
                  </dd>
                </>
              ) : null}
            </dl>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">
              {t(initiative.plan === "btg" ? "toolkit.plan.btg" : "toolkit.plan.stappenplan")}
            </h2>
            <ol className="mt-2 flex flex-col gap-2">
              {steps.map((step, i) => {
                const isCurrent = i === initiative.currentStep && !done;
                const stepNotes = notes.filter((n) => n.step === i);
                return (
                  <li
                    key={step.title}
                    aria-current={isCurrent ? "step" : undefined}
                    className={`rounded-md border p-2 ${isCurrent ? "border-accent-700 bg-accent-50" : "border-slate-200"}`}
                  >
                    <p className="font-medium">
                      {`${step.number}. `}
                      {step.title}
                      {i === 8 && initiative.plan === "stappenplan" ? (
                        <span className="ml-2 text-sm font-normal text-slate-700">
                          {t("toolkit.trialStarts")}
                        </span>
                      ) : null}
                      {i < initiative.currentStep || (done && i <= initiative.currentStep) ? (
                        <span className="ml-2 text-sm font-normal text-slate-700">
                          · {t("toolkit.stepDone")}
                        </span>
                      ) : null}
                    </p>
                    {step.detail ? <p className="text-sm text-slate-700">{step.detail}</p> : null}
                    {stepNotes.map((note) => (
                      <div key={note.id} className="mt-1 border-l-2 border-slate-300 pl-2 text-sm">
                        <RichText text={note.note} />
                        <p className="text-slate-700">
                          {note.authorName ?? "?"} · {t.date(note.createdAt)}
                        </p>
                      </div>
                    ))}
                  </li>
                );
              })}
              <li
                className={`rounded-md border p-2 ${done ? "border-green-700 bg-green-50" : "border-slate-200"}`}
              >
                <p className="font-medium">
                  {t("toolkit.roundOff")}
                  {done ? ` · ${t.date(initiative.completedAt ?? "")}` : ""}
                </p>
              </li>
            </ol>
            {canSteer ? (
              <div className="mt-3 flex flex-wrap gap-2">
                {done ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="reopen" />
                    <SubmitButton variant="secondary">{t("toolkit.reopen")}</SubmitButton>
                  </Form>
                ) : (
                  <>
                    {initiative.currentStep > 0 ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="back" />
                        <SubmitButton variant="secondary">{t("toolkit.stepBack")}</SubmitButton>
                      </Form>
                    ) : null}
                    {initiative.currentStep < steps.length - 1 ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="next" />
                        <SubmitButton>{t("toolkit.nextStep")}</SubmitButton>
                      </Form>
                    ) : null}
                    {inTrial ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="complete" />
                        <SubmitButton variant="secondary">{t("toolkit.complete")}</SubmitButton>
                      </Form>
                    ) : null}
                  </>
                )}
              </div>
            ) : null}
            {!done ? (
              <NoteForm
                actionData={actionData}
                label={t("toolkit.stepNote", { title: steps[initiative.currentStep]?.title ?? "" })}
              />
            ) : null}
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="text-lg font-semibold">{t("toolkit.involved")}</h2>
            <ul className="mt-2 flex flex-col gap-1">
              {current.map((row) => (
                <li key={row.id}>
                  <span className="font-medium">{row.name}</span>: {positionLabel(row.position)}
                  {row.kind !== "role" ? ` (${t(toolkitKindLabel[row.kind])})` : ""}
                  {row.note ? <span className="text-sm text-slate-700"> · {row.note}</span> : null}
                </li>
              ))}
            </ul>
            {history.length ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-accent-700 underline">
                  {t("toolkit.history")}
                </summary>
                <ul className="mt-1 text-sm">
                  {history.map((row) => (
                    <li key={row.id}>
                      {row.name}: {positionLabel(row.position)} ({t.date(row.since)} –{" "}
                      {t.date(row.until ?? "")})
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </Card>
          {!done ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("toolkit.join")}</h2>
              {mine ? (
                <p className="text-sm">
                  {t("toolkit.youAre", { position: positionLabel(mine.position) })}
                </p>
              ) : null}
              <div className="mt-2 flex flex-col gap-3">
                <Form method="post">
                  <input type="hidden" name="intent" value="interest" />
                  <input type="hidden" name="position" value="g" />
                  <SubmitButton variant="secondary">{t("toolkit.showInterest")}</SubmitButton>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="pilot" />
                  <input type="hidden" name="position" value="g" />
                  <SubmitButton variant="secondary">{t("toolkit.joinPilot")}</SubmitButton>
                </Form>
                <HelpForm actionData={actionData} />
              </div>
            </Card>
          ) : null}
          {canSteer ? <PositionForm actionData={actionData} people={loaderData.people} /> : null}
        </div>
      </div>
    </div>
  );
}

function NoteForm({ actionData, label }: { actionData: unknown; label: string }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<InitiativePageForm, { intent: "note" }>>(
    "note",
    actionData,
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-col gap-3">
      <input type="hidden" name="intent" value="note" />
      <TextAreaField label={label} required {...fieldProps(fields.note)} />
      <div>
        <SubmitButton variant="secondary">{t("toolkit.saveNote")}</SubmitButton>
      </div>
    </Form>
  );
}

function HelpForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<InitiativePageForm, { intent: "help" }>>(
    "help",
    actionData,
    { defaultValue: { position: "l" } },
  );
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-2">
      <input type="hidden" name="intent" value="help" />
      <SelectField
        label={t("toolkit.helpAs")}
        {...fieldProps(fields.position)}
        options={(["p", "s", "l"] as const).map((p) => ({ value: p, label: t(positionKey[p]) }))}
      />
      <TextField label={t("toolkit.helpNote")} {...fieldProps(fields.note)} />
      <div>
        <SubmitButton variant="secondary">{t("toolkit.offerHelp")}</SubmitButton>
      </div>
    </Form>
  );
}

function PositionForm({
  actionData,
  people,
}: {
  actionData: unknown;
  people: { userId: string; name: string }[];
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<InitiativePageForm, { intent: "position" }>>(
    "position",
    actionData,
    { defaultValue: { position: "p" } },
  );
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("toolkit.setPosition")}</h2>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="intent" value="position" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <SelectField
          label={t("toolkit.person")}
          {...fieldProps(fields.userId)}
          placeholder={t("toolkit.pickPerson")}
          options={people.map((p) => ({ value: p.userId, label: p.name }))}
        />
        <SelectField
          label={t("toolkit.position")}
          {...fieldProps(fields.position)}
          options={[...positions, "none"].map((p) => ({
            value: p,
            label: t(labelFor(positionKey, p)),
          }))}
        />
        <div>
          <SubmitButton>{t("toolkit.savePosition")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
