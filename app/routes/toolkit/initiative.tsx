import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  involvementSchema,
  positions,
  stepNoteSchema,
} from "#app/modules/toolkit/toolkit.schema.ts";
import {
  addStepNote,
  assertInitiativeRight,
  getInitiative,
  moveInitiative,
  setInvolvement,
  spaceOverview,
} from "#app/modules/toolkit/toolkit.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { RichText } from "#app/ui/rich-text.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/initiative";
import { spaceFrom } from "./space.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.initiative.name ?? "Initiatief"} — Knooppunt` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const db = await getDb();
  const view = await getInitiative(db, actor, kind, spaceId, params.initiativeId);
  const people = view.canSteer ? (await spaceOverview(db, actor, kind, spaceId)).people : [];
  return { ...view, people, base, notice: noticeFrom(request) };
}

const moves = ["next", "back", "complete", "reopen"] as const;

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const here = `${base}/initiatieven/${params.initiativeId}`;
  const formData = await request.formData();
  const db = await getDb();
  const intent = String(formData.get("intent") ?? "");
  const move = moves.find((m) => m === intent);
  // Rights before the form: moving steps and placing others is for those who steer it.
  await assertInitiativeRight(
    db,
    actor,
    kind,
    spaceId,
    params.initiativeId,
    move || intent === "position" ? "steer" : "follow",
  );
  if (move) {
    const result = await withFieldErrors(() =>
      moveInitiative(db, actor, kind, spaceId, params.initiativeId, move),
    );
    if (!result.ok) return data({ target: "move", errors: result.errors }, { status: 400 });
    return redirect(`${here}?melding=toolkit.moved`);
  }
  if (intent === "note") {
    const form = parseForm(stepNoteSchema, formData);
    if (!form.ok)
      return data({ target: "note", errors: form.errors, values: form.values }, { status: 400 });
    await addStepNote(db, actor, kind, spaceId, params.initiativeId, form.data.note);
    return redirect(`${here}?melding=toolkit.noteSaved`);
  }
  // interest / help / pilot for oneself, or a position set by an initiator
  const values = Object.fromEntries(formData) as Record<string, string>;
  if (intent !== "position") values.userId = actor.userId;
  const form = parseForm(
    involvementSchema,
    (() => {
      const copy = new FormData();
      for (const [key, value] of Object.entries(values)) copy.set(key, value);
      return copy;
    })(),
  );
  if (!form.ok) return data({ target: intent, errors: form.errors, values }, { status: 400 });
  const result = await withFieldErrors(() =>
    setInvolvement(db, actor, kind, spaceId, params.initiativeId, form.data),
  );
  if (!result.ok) return data({ target: intent, errors: result.errors, values }, { status: 400 });
  return redirect(`${here}?melding=toolkit.involvementSaved`);
}

export default function Initiative({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { initiative, steps, notes, current, history, canSteer, me, base } = loaderData;
  const { errorsFor, valueFor } = targetedForm(actionData);
  const mine = current.find((r) => r.userId === me);
  const done = !!initiative.completedAt;
  const inTrial = steps[initiative.currentStep]?.phase === "uitproberen";
  const positionLabel = (p: string) => t(`position.${p}`);
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
      <ErrorSummary errors={errorsFor("move")} />
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
              <Form method="post" className="mt-4 flex flex-col gap-3">
                <input type="hidden" name="intent" value="note" />
                <TextAreaField
                  name="note"
                  label={t("toolkit.stepNote", {
                    title: steps[initiative.currentStep]?.title ?? "",
                  })}
                  required
                  error={errorsFor("note")?.note}
                  defaultValue={valueFor("note", "note")}
                />
                <div>
                  <SubmitButton variant="secondary">{t("toolkit.saveNote")}</SubmitButton>
                </div>
              </Form>
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
                  {row.kind !== "role" ? ` (${t(`toolkit.kind.${row.kind}`)})` : ""}
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
                  <input type="hidden" name="kind" value="interest" />
                  <input type="hidden" name="position" value="g" />
                  <SubmitButton variant="secondary">{t("toolkit.showInterest")}</SubmitButton>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="pilot" />
                  <input type="hidden" name="kind" value="pilot" />
                  <input type="hidden" name="position" value="g" />
                  <SubmitButton variant="secondary">{t("toolkit.joinPilot")}</SubmitButton>
                </Form>
                <Form method="post" className="flex flex-col gap-2">
                  <input type="hidden" name="intent" value="help" />
                  <input type="hidden" name="kind" value="help" />
                  <SelectField
                    name="position"
                    id="help-position"
                    label={t("toolkit.helpAs")}
                    error={errorsFor("help")?.position}
                    defaultValue={valueFor("help", "position", "l")}
                    options={(["p", "s", "l"] as const).map((p) => ({
                      value: p,
                      label: positionLabel(p),
                    }))}
                  />
                  <TextField
                    name="note"
                    id="help-note"
                    label={t("toolkit.helpNote")}
                    error={errorsFor("help")?.note}
                    defaultValue={valueFor("help", "note")}
                  />
                  <div>
                    <SubmitButton variant="secondary">{t("toolkit.offerHelp")}</SubmitButton>
                  </div>
                </Form>
              </div>
            </Card>
          ) : null}
          {canSteer ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("toolkit.setPosition")}</h2>
              <Form method="post" className="mt-2 flex flex-col gap-3">
                <input type="hidden" name="intent" value="position" />
                <input type="hidden" name="kind" value="role" />
                <ErrorSummary errors={errorsFor("position")} />
                <SelectField
                  name="userId"
                  id="position-person"
                  label={t("toolkit.person")}
                  error={errorsFor("position")?.userId}
                  defaultValue={valueFor("position", "userId")}
                  placeholder={t("toolkit.pickPerson")}
                  options={loaderData.people.map((p) => ({ value: p.userId, label: p.name }))}
                />
                <SelectField
                  name="position"
                  id="position-position"
                  label={t("toolkit.position")}
                  error={errorsFor("position")?.position}
                  defaultValue={valueFor("position", "position", "p")}
                  options={[...positions, "none"].map((p) => ({
                    value: p,
                    label: positionLabel(p),
                  }))}
                />
                <div>
                  <SubmitButton>{t("toolkit.savePosition")}</SubmitButton>
                </div>
              </Form>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
