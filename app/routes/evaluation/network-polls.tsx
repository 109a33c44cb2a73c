import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { type PollForm, pollSchema } from "#app/modules/evaluation/evaluation.schema.ts";
import { createPoll, listNetworkPolls } from "#app/modules/evaluation/polls.server.ts";
import { requireCanManageNetwork } from "#app/modules/networks/network-access.server.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/network-polls";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.networkPolls");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await listNetworkPolls(db, network);
    return {
      network: { id: view.network.id, name: view.network.name },
      polls: view.polls,
      canCreate: view.canCreate,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    // Rights before the form: someone without them gets the 403, not field errors.
    requireCanManageNetwork(network);
    return handleForm(args.request, pollSchema, async (poll) => {
      const id = await createPoll(db, network, poll);
      return redirect(`/peilingen/${id}?melding=poll.created`);
    });
  });
}

export default function NetworkPolls({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, polls } = loaderData;
  const [form, fields] = useIntentForm<PollForm>("", actionData, { id: "poll" });
  const sent = !!actionData;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("poll.list")} intro={network.name}>
        <div className="flex flex-wrap gap-4">
          <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
            {t("net.enrol.back")}
          </Link>
          <Link to="/peilingen" className="text-accent-700 underline">
            {t("poll.all")}
          </Link>
        </div>
      </PageHeader>
      <Card>
        {polls.length === 0 ? (
          <EmptyState>{t("poll.none")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-2">
            {polls.map((poll) => (
              <li key={poll.id} className="flex flex-wrap items-center gap-2">
                <Link to={`/peilingen/${poll.id}`} className="text-accent-700 underline">
                  {poll.title}
                </Link>
                {poll.closedAt ? <Tag>{t("poll.closedTag")}</Tag> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {loaderData.canCreate ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("poll.new")}</h2>
          <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
            <ErrorSummary errors={fieldErrorsOf(form)} />
            <TextField {...fieldProps(fields.title)} label={t("poll.title")} required />
            <TextField
              {...fieldProps(fields.question)}
              defaultValue={sent ? fields.question.initialValue : t("poll.question.default")}
              label={t("poll.question")}
              required
            />
            <TextAreaField
              {...fieldProps(fields.options)}
              label={t("poll.options")}
              hint={t("poll.options.hint")}
              required
              rows={6}
            />
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name={fields.allowOther.name}
                className="size-4"
                defaultChecked={sent ? fields.allowOther.initialValue === "on" : true}
              />
              {t("poll.allowOther")}
            </label>
            <div>
              <SubmitButton>{t("poll.create")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
