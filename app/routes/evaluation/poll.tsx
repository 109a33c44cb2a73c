import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { ballotSchema } from "#app/modules/evaluation/evaluation.schema.ts";
import {
  assertPollRight,
  castBallot,
  closePoll,
  getPoll,
} from "#app/modules/evaluation/polls.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { Bar } from "#app/ui/charts.tsx";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/poll";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.poll.title ?? "Peiling"} — Knooppunt` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  return { ...(await getPoll(await getDb(), actor, params.pollId)), notice: noticeFrom(request) };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const closing = formData.get("intent") === "close";
  // Rights before the form: a poll one may not read is a 404, not field errors.
  await assertPollRight(db, actor, params.pollId, closing ? "manage" : "vote");
  if (closing) {
    await closePoll(db, actor, params.pollId);
    return redirect(`/peilingen/${params.pollId}?melding=poll.closed`);
  }
  const form = parseForm(ballotSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() => castBallot(db, actor, params.pollId, form.data));
  if (!result.ok)
    return data(
      { errors: result.errors, values: form.data as Record<string, string> },
      { status: 400 },
    );
  return redirect(`/peilingen/${params.pollId}?melding=poll.voted`);
}

export default function PollPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { poll, results, network } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
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
          <Form method="post" noValidate className="mt-3 flex flex-col gap-3">
            <ErrorSummary errors={errors} />
            {(["first", "second", "third"] as const).map((place) => (
              <SelectField
                key={place}
                name={place}
                label={t(`poll.place.${place}`)}
                required={place === "first"}
                placeholder={t("poll.pick")}
                error={errors?.[place]}
                defaultValue={values?.[place] ?? ""}
                options={choices}
              />
            ))}
            {poll.allowOther ? (
              <TextField
                name="other"
                label={t("poll.otherText")}
                error={errors?.other}
                defaultValue={values?.other ?? ""}
              />
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
