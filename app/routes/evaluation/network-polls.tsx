import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { pollSchema } from "#app/modules/evaluation/evaluation.schema.ts";
import { createPoll, listNetworkPolls } from "#app/modules/evaluation/polls.server.ts";
import {
  authorizeNetwork,
  requireCanManageNetwork,
} from "#app/modules/networks/network-access.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader, Tag } from "#app/ui/layout.tsx";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/network-polls";

export function meta() {
  return [{ title: "Peilingen — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await listNetworkPolls(await getDb(), actor, params.networkId);
  return {
    network: { id: view.network.id, name: view.network.name },
    polls: view.polls,
    canCreate: view.canCreate,
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403, not field errors.
  requireCanManageNetwork(await authorizeNetwork(db, actor, params.networkId));
  const formData = await request.formData();
  const form = parseForm(pollSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const id = await createPoll(db, actor, params.networkId, form.data);
  return redirect(`/peilingen/${id}?melding=poll.created`);
}

export default function NetworkPolls({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, polls } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
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
          <Form method="post" noValidate className="mt-3 flex flex-col gap-3">
            <ErrorSummary errors={errors} />
            <TextField
              name="title"
              label={t("poll.title")}
              required
              error={errors?.title}
              defaultValue={values?.title ?? ""}
            />
            <TextField
              name="question"
              label={t("poll.question")}
              required
              error={errors?.question}
              defaultValue={values?.question ?? t("poll.question.default")}
            />
            <TextAreaField
              name="options"
              label={t("poll.options")}
              hint={t("poll.options.hint")}
              required
              rows={6}
              error={errors?.options}
              defaultValue={values?.options ?? ""}
            />
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="allowOther"
                className="size-4"
                defaultChecked={values ? values.allowOther === "on" : true}
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
