import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  createIntervisionGroup,
  listIntervisionGroups,
  requireCanFormIntervisionGroups,
} from "#app/modules/peergroups/intervision.server.ts";
import {
  type IntervisionGroupForm,
  intervisionGroupSchema,
} from "#app/modules/peergroups/peergroups.schema.ts";
import { CheckboxGroup, ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf, fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/intervision";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.intervision");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await listIntervisionGroups(db, network);
    return {
      ...view,
      network: { id: view.network.id, name: view.network.name },
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    // Rights before the form: someone without them gets the 404, not field errors.
    requireCanFormIntervisionGroups(network);
    return handleForm(args.request, intervisionGroupSchema, async (group) => {
      await createIntervisionGroup(db, network, group);
      return redirect(`/netwerken/${network.id}/intervisie?melding=intervision.groupSaved`);
    });
  });
}

export default function Intervision({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, groups, isGuide, members } = loaderData;
  const [form, fields] = useIntentForm<IntervisionGroupForm>("", actionData, { id: "group" });
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
          <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
            <ErrorSummary errors={fieldErrorsOf(form)} />
            <TextField {...fieldProps(fields.name)} label={t("intervision.groupName")} required />
            <CheckboxGroup
              name={fields.userIds.name}
              legend={t("intervision.pickMembers")}
              error={fields.userIds.errors?.[0]}
              selected={checkedOf(fields.userIds)}
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
