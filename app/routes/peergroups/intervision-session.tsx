import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  addSessionNote,
  advanceSession,
  assertSessionRight,
  closeSession,
  deleteCase,
  getSession,
} from "#app/modules/peergroups/intervision.server.ts";
import {
  type SessionPageForm,
  sessionPageSchema,
} from "#app/modules/peergroups/peergroups.schema.ts";
import { ErrorSummary, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { RichText } from "#app/ui/rich-text.tsx";
import { StepTimer } from "#app/ui/step-timer.tsx";
import { handleIntents } from "../forms.server.ts";
import { withGroup } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/intervision-session";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.intervisionSession");
}

export async function loader(args: Route.LoaderArgs) {
  return withGroup(args, "intervision", async ({ db, network, group }) => {
    const view = await getSession(db, group, args.params.sessionId);
    const step = view.steps[view.session.currentStep];
    const remaining =
      step && view.session.stepStartedAt && !view.session.completedAt
        ? Math.round(
            (view.session.stepStartedAt.getTime() + step.minutes * 60_000 - Date.now()) / 1000,
          )
        : null;
    return { ...view, remaining, networkId: network.id, notice: noticeFrom(args.request) };
  });
}

export async function action(args: Route.ActionArgs) {
  return withGroup(args, "intervision", async ({ db, network, group }) => {
    const { sessionId } = args.params;
    const [networkId, groupId] = [network.id, group.id];
    const here = `/netwerken/${networkId}/intervisie/${groupId}/sessies/${sessionId}`;
    // Rights before the form: a session not in this group is a 404; closing it is the owner's.
    await assertSessionRight(db, group, sessionId, "take-part");
    return handleIntents(
      args.request,
      sessionPageSchema,
      {
        advance: async () => {
          await advanceSession(db, group, sessionId);
          return redirect(here);
        },
        note: async ({ body }) => {
          await addSessionNote(db, group, sessionId, body);
          return redirect(`${here}?melding=intervision.noteSaved`);
        },
        close: async ({ insight, nextStep }) => {
          await closeSession(db, group, sessionId, { insight, nextStep });
          return redirect(`${here}?melding=intervision.closed`);
        },
        delete: async () => {
          await deleteCase(db, group, sessionId);
          return redirect(
            `/netwerken/${networkId}/intervisie/${groupId}?melding=intervision.caseDeleted`,
          );
        },
      },
      {
        authorize: (intent) =>
          intent === "close" || intent === "delete"
            ? assertSessionRight(db, group, sessionId, "own")
            : undefined,
      },
    );
  });
}

type PageForm<I extends SessionPageForm["intent"]> = Extract<SessionPageForm, { intent: I }>;

export default function IntervisionSession({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { group, session, steps, notes, method, isOwner, networkId } = loaderData;
  const [noteForm, note] = useIntentForm<PageForm<"note">>("note", actionData);
  const [closeForm, closing] = useIntentForm<PageForm<"close">>("close", actionData);
  // "This was the last step" and the like: the whole session's, shown above it.
  const sessionError = formErrorOf(actionData);
  const current = session.currentStep;
  const step = steps[current];
  const finished = !!session.completedAt;
  const lastStep = current >= steps.length - 1;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={session.caseTitle}
        intro={t("intervision.sessionIntro", {
          name: loaderData.ownerName,
          method: method?.name ?? "?",
          group: group.name,
        })}
      >
        <LockNote>{t("peer.confidential")}</LockNote>
        <Link
          to={`/netwerken/${networkId}/intervisie/${group.id}`}
          className="text-accent-700 underline"
        >
          {t("intervision.backToGroup")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ErrorSummary errors={sessionError ? { form: sessionError } : undefined} />
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <Card>
          <h2 className="text-lg font-semibold">{t("intervision.steps")}</h2>
          <ol className="mt-2 flex flex-col gap-2">
            {steps.map((s, i) => (
              <li
                key={s.title}
                aria-current={i === current && !finished ? "step" : undefined}
                className={`rounded-md border p-2 ${i === current && !finished ? "border-accent-700 bg-accent-50" : "border-slate-200"}`}
              >
                <span className="font-medium">
                  {i + 1}. {s.title}
                </span>{" "}
                <span className="text-sm text-slate-700">
                  ({t("intervision.minutes", { count: s.minutes })})
                </span>
                {i < current || finished ? (
                  <span className="text-sm text-slate-700"> · {t("intervision.stepDone")}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="text-lg font-semibold">{t("intervision.case")}</h2>
            <RichText text={session.caseText} />
          </Card>
          {finished ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("intervision.outcome")}</h2>
              <h3 className="mt-2 font-medium">{t("intervision.insight")}</h3>
              <RichText text={session.insight ?? ""} />
              <h3 className="mt-2 font-medium">{t("intervision.nextStep")}</h3>
              <RichText text={session.nextStep ?? ""} />
            </Card>
          ) : (
            <Card>
              {step ? (
                <div className="flex flex-col gap-3">
                  <h2 className="text-lg font-semibold">
                    {t("intervision.nowStep", { n: current + 1, title: step.title })}
                  </h2>
                  <p>{step.description}</p>
                  {session.stepStartedAt && loaderData.remaining !== null ? (
                    <StepTimer
                      startedAt={new Date(session.stepStartedAt).toISOString()}
                      minutes={step.minutes}
                      initialRemaining={loaderData.remaining}
                    />
                  ) : null}
                </div>
              ) : (
                <p>{t("intervision.notStarted")}</p>
              )}
              {!lastStep ? (
                <Form method="post" className="mt-3">
                  <input type="hidden" name="intent" value="advance" />
                  <SubmitButton>
                    {current < 0 ? t("intervision.start") : t("intervision.nextStepButton")}
                  </SubmitButton>
                </Form>
              ) : null}
            </Card>
          )}
          {!finished && current >= 0 ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("intervision.notes")}</h2>
              <Form method="post" {...getFormProps(noteForm)} className="mt-2 flex flex-col gap-3">
                <input type="hidden" name="intent" value="note" />
                <TextAreaField
                  {...fieldProps(note.body)}
                  id="session-note"
                  label={t("intervision.noteLabel")}
                  required
                />
                <div>
                  <SubmitButton variant="secondary">{t("intervision.saveNote")}</SubmitButton>
                </div>
              </Form>
            </Card>
          ) : null}
          {notes.length ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("intervision.notesSoFar")}</h2>
              <ul className="mt-2 flex flex-col gap-2">
                {notes.map((note) => (
                  <li key={note.id} className="rounded-md border border-slate-300 p-2">
                    <p className="text-sm text-slate-700">
                      {t("intervision.noteMeta", {
                        step: steps[note.stepIndex]?.title ?? "",
                        name: note.authorName ?? "?",
                      })}
                    </p>
                    <RichText text={note.body} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {isOwner && !finished && current >= 0 ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("intervision.close")}</h2>
              <Form method="post" {...getFormProps(closeForm)} className="mt-2 flex flex-col gap-3">
                <input type="hidden" name="intent" value="close" />
                <ErrorSummary errors={fieldErrorsOf(closeForm)} />
                <TextAreaField
                  {...fieldProps(closing.insight)}
                  label={t("intervision.insight")}
                  required
                />
                <TextAreaField
                  {...fieldProps(closing.nextStep)}
                  label={t("intervision.nextStep")}
                  required
                />
                <div>
                  <SubmitButton>{t("intervision.closeButton")}</SubmitButton>
                </div>
              </Form>
            </Card>
          ) : null}
          {isOwner ? (
            <Card>
              <details>
                <summary className="cursor-pointer text-red-800 underline">
                  {t("intervision.delete")}
                </summary>
                <Form method="post" className="mt-2 flex flex-col gap-2">
                  <input type="hidden" name="intent" value="delete" />
                  <p className="text-sm">{t("intervision.deleteWarning")}</p>
                  <div>
                    <SubmitButton variant="danger">{t("intervision.deleteConfirm")}</SubmitButton>
                  </div>
                </Form>
              </details>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
