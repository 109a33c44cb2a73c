import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  assertCanFormIntervisionGroups,
  createIntervisionGroup,
  listIntervisionGroups,
} from "#app/modules/peergroups/intervision.server.ts";
import { intervisionGroupSchema } from "#app/modules/peergroups/peergroups.schema.ts";
import { formValues, parseForm } from "#app/platform/forms.ts";
import { CheckboxGroup, ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/intervision";

export function meta() {
  return [{ title: "Intervisie — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await listIntervisionGroups(await getDb(), actor, params.networkId);
  return {
    ...view,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403/404, not field errors.
  await assertCanFormIntervisionGroups(db, actor, params.networkId);
  const formData = await request.formData();
  const form = parseForm(intervisionGroupSchema, formData, ["userIds"]);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() =>
    createIntervisionGroup(db, actor, params.networkId, form.data),
  );
  if (!result.ok)
    return data({ errors: result.errors, values: formValues(formData) }, { status: 400 });
  return redirect(`/netwerken/${params.networkId}/intervisie?melding=intervision.groupSaved`);
}

export default function Intervision({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, groups, isGuide, members } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = (actionData?.values ?? {}) as Record<string, string | string[]>;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("intervision.title")} intro={network.name}>
        <p className="text-slate-700">{t("intervision.intro")}</p>
        <LockNote>{t("peer.confidential")}</LockNote>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("intervision.groups")}</h2>
        {groups.length ? (
          <ul className="mt-2 flex flex-col gap-3">
            {groups.map((group) => (
              <li key={group.id}>
                {group.isMine ? (
                  <Link
                    to={`/netwerken/${network.id}/intervisie/${group.id}`}
                    className="font-semibold text-accent-700 underline"
                  >
                    {group.name}
                  </Link>
                ) : (
                  <span className="font-semibold">{group.name}</span>
                )}
                <p className="text-sm text-slate-700">
                  {group.members.map((m) => m.name).join(", ")}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t(isGuide ? "intervision.noneGuide" : "intervision.none")}</EmptyState>
        )}
        {isGuide ? (
          <p className="mt-3 text-sm text-slate-700">{t("intervision.guideNote")}</p>
        ) : null}
      </Card>
      {isGuide ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("intervision.newGroup")}</h2>
          <Form method="post" className="mt-2 flex flex-col gap-3">
            <ErrorSummary errors={errors} />
            <TextField
              name="name"
              label={t("intervision.groupName")}
              required
              error={errors?.name}
              defaultValue={typeof values.name === "string" ? values.name : ""}
            />
            <CheckboxGroup
              name="userIds"
              legend={t("intervision.pickMembers")}
              error={errors?.userIds}
              selected={([] as string[]).concat(values.userIds ?? [])}
              options={members.map((m) => ({ value: m.userId, label: m.name }))}
            />
            <div>
              <SubmitButton>{t("intervision.createGroup")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
