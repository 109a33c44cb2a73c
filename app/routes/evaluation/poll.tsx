import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { pollPlaceLabel } from "#app/i18n/labels.ts";
import { type PollPageForm, pollPageSchema } from "#app/modules/evaluation/evaluation.schema.ts";
import {
  assertPollRight,
  castBallot,
  closePoll,
  getPoll,
} from "#app/modules/evaluation/polls.server.ts";
import { Bar } from "#app/ui/charts.tsx";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/poll";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.poll.title, "pageTitle.poll");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => ({
    ...(await getPoll(db, actor, args.params.pollId)),
    notice: noticeFrom(args.request),
  }));
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const { pollId } = args.params;
    // Rights before the form: a poll one may not read is a 404, whatever was sent.
    await assertPollRight(db, actor, pollId, "vote");
    return handleIntents(
      args.request,
      pollPageSchema,
      {
        vote: async (ballot) => {
          await castBallot(db, actor, pollId, ballot);
          return redirect(`/peilingen/${pollId}?melding=poll.voted`);
        },
        close: async () => {
          await closePoll(db, actor, pollId);
          return redirect(`/peilingen/${pollId}?melding=poll.closed`);
        },
      },
      // Closing is for those who manage the poll (others: 403).
      {
        authorize: (intent) =>
          intent === "close" ? assertPollRight(db, actor, pollId, "manage") : undefined,
      },
    );
  });
}

export default function PollPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { poll, results, network } = loaderData;
  const [form, fields] = useIntentForm<Extract<PollPageForm, { intent: "vote" }>>(
    "vote",
    actionData,
  );
  const choices = [
    ...loaderData.options.map((o) => ({ value: o.id, label: o.label })),
    ...(poll.allowOther ? [{ value: "other", label: t("poll.other") }] : []),
  ];
  const max = Math.max(1, ...results.map((r) => r.points));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={poll.title} intro={poll.question}>
        {network ? (
          <Link to={`/netwerken/${network.id}/peilingen`} className="text-accent-700 underline">
            {t("poll.back", { name: network.name })}
          </Link>
        ) : (
          <Link to="/peilingen" className="text-accent-700 underline">
            {t("poll.all")}
          </Link>
        )}
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {poll.source ? (
        <p className="text-sm text-slate-700">{t("poll.source", { source: poll.source })}</p>
      ) : null}
      {loaderData.canVote && !loaderData.hasVoted ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("poll.vote")}</h2>
          <p className="text-sm text-slate-700">{t("poll.vote.hint")}</p>
          <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
            <input type="hidden" name="intent" value="vote" />
            <ErrorSummary errors={fieldErrorsOf(form)} />
            {(["first", "second", "third"] as const).map((place) => (
              <SelectField
                key={place}
                {...fieldProps(fields[place])}
                label={t(pollPlaceLabel[place])}
                required={place === "first"}
                placeholder={t("poll.pick")}
                options={choices}
              />
            ))}
            {poll.allowOther ? (
              <TextField {...fieldProps(fields.other)} label={t("poll.otherText")} />
            ) : null}
            <div>
              <SubmitButton>{t("poll.submit")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : loaderData.hasVoted ? (
        <Notice>{t("poll.thanks")}</Notice>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">
          {t("poll.results", { count: loaderData.respondents })}
        </h2>
        <div className="mt-3 flex flex-col gap-1" aria-hidden="true">
          {results.slice(0, 10).map((row) => (
            <Bar key={row.option} label={row.option} value={row.points} max={max} />
          ))}
        </div>
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">
            {t("poll.results", { count: loaderData.respondents })}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">
                {t("poll.col.option")}
              </th>
              <th scope="col" className="p-2">
                {t("poll.col.points")}
              </th>
              <th scope="col" className="p-2">
                {t("poll.col.firsts")}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((row, i) => (
              <tr key={row.option} className="border-t border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {i + 1}. {row.option}
                </th>
                <td className="p-2">{row.points}</td>
                <td className="p-2">{row.firsts}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-sm text-slate-700">{t("poll.scoring")}</p>
      </Card>
      {loaderData.canManage && !poll.closedAt ? (
        <Form method="post">
          <input type="hidden" name="intent" value="close" />
          <SubmitButton variant="secondary">{t("poll.close")}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
