import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { requireNetworkMember } from "#app/modules/networks/network-access.server.ts";
import {
  dissolveBuddyGroup,
  formBuddyGroup,
  formSuggestedGroups,
  listBuddyGroups,
} from "#app/modules/peergroups/buddies.server.ts";
import {
  type BuddiesPageForm,
  buddiesPageSchema,
} from "#app/modules/peergroups/peergroups.schema.ts";
import { CheckboxGroup, ErrorSummary, SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf, fieldErrorsOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/buddies";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.buddies");
}

function sizeFrom(request: Request) {
  const size = Number(new URL(request.url).searchParams.get("grootte") ?? 3);
  return Number.isInteger(size) && size >= 2 && size <= 5 ? size : 3;
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, actor, network }) => {
    const size = sizeFrom(args.request);
    const view = await listBuddyGroups(db, network, size);
    return {
      ...view,
      size,
      me: actor.userId,
      network: { id: view.network.id, name: view.network.name },
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, actor, network }) => {
    const back = (notice: string) => redirect(`/netwerken/${network.id}/maatjes?melding=${notice}`);
    // Rights before the form (whatever it is): someone without them gets the refusal, not a 400.
    requireNetworkMember(network);
    return handleIntents(args.request, buddiesPageSchema, {
      pair: async ({ userIds }) => {
        await formBuddyGroup(db, network, userIds);
        return back("buddies.saved");
      },
      // A participant forming a group is always part of it themself.
      choose: async ({ userIds }) => {
        await formBuddyGroup(db, network, [...userIds, actor.userId]);
        return back("buddies.saved");
      },
      suggestion: async ({ size }) => {
        await formSuggestedGroups(db, network, size);
        return back("buddies.suggestionSaved");
      },
      dissolve: async ({ groupId }) => {
        await dissolveBuddyGroup(db, network, groupId);
        return back("buddies.dissolved");
      },
    });
  });
}

export default function Buddies({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, groups, unpaired, isTeacher, myGroupId, me, suggestion } = loaderData;
  const [pairForm, pairFields] = useIntentForm<Extract<BuddiesPageForm, { intent: "pair" }>>(
    "pair",
    actionData,
  );
  const [chooseForm, chooseFields] = useIntentForm<Extract<BuddiesPageForm, { intent: "choose" }>>(
    "choose",
    actionData,
  );
  const [suggestionForm] = useIntentForm<Extract<BuddiesPageForm, { intent: "suggestion" }>>(
    "suggestion",
    actionData,
  );
  const errors =
    fieldErrorsOf(pairForm) ?? fieldErrorsOf(chooseForm) ?? fieldErrorsOf(suggestionForm);
  const others = unpaired.filter((u) => u.userId !== me);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("buddies.title")} intro={network.name}>
        <p className="text-slate-700">{t("buddies.intro")}</p>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ErrorSummary errors={errors} />
      {myGroupId ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("buddies.mine")}</h2>
          <LockNote>{t("buddies.confidential")}</LockNote>
          <Link
            to={`/netwerken/${network.id}/maatjes/${myGroupId}`}
            className="mt-2 inline-block text-accent-700 underline"
          >
            {t("buddies.openSpace")}
          </Link>
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("buddies.groups")}</h2>
        {groups.length ? (
          <ul className="mt-2 flex flex-col gap-2">
            {groups.map((group) => (
              <li key={group.id} className="flex flex-wrap items-center gap-3">
                <span className={group.id === myGroupId ? "font-semibold" : ""}>
                  {group.members.map((m) => m.name).join(" & ")}
                </span>
                {isTeacher ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="dissolve" />
                    <input type="hidden" name="groupId" value={group.id} />
                    <SubmitButton variant="secondary">{t("buddies.dissolve")}</SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t("buddies.none")}</EmptyState>
        )}
      </Card>
      {isTeacher && unpaired.length >= 2 ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("buddies.suggestion")}</h2>
          <p className="text-sm text-slate-700">{t("buddies.suggestionHint")}</p>
          <Form method="get" className="mt-2 flex flex-wrap items-end gap-3">
            <SelectField
              name="grootte"
              id="suggestion-size"
              label={t("buddies.size")}
              defaultValue={String(loaderData.size)}
              options={[2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
            />
            <SubmitButton variant="secondary">{t("buddies.suggest")}</SubmitButton>
          </Form>
          <ol className="mt-3 flex list-decimal flex-col gap-1 pl-6">
            {suggestion.map((group) => (
              <li key={group.map((m) => m.userId).join("-")}>
                {group.map((m) => (m.school ? `${m.name} (${m.school})` : m.name)).join(", ")}
              </li>
            ))}
          </ol>
          <Form method="post" {...getFormProps(suggestionForm)} className="mt-3">
            <input type="hidden" name="intent" value="suggestion" />
            <input type="hidden" name="size" value={loaderData.size} />
            <SubmitButton>{t("buddies.acceptSuggestion")}</SubmitButton>
          </Form>
        </Card>
      ) : null}
      {isTeacher && unpaired.length >= 2 ? (
        <Card>
          <Form method="post" {...getFormProps(pairForm)} className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="pair" />
            <CheckboxGroup
              name={pairFields.userIds.name}
              legend={t("buddies.pair")}
              error={pairFields.userIds.errors?.[0]}
              selected={checkedOf(pairFields.userIds)}
              options={unpaired.map((u) => ({ value: u.userId, label: u.name }))}
            />
            <div>
              <SubmitButton>{t("buddies.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
      {!isTeacher && !myGroupId && others.length ? (
        <Card>
          <Form method="post" {...getFormProps(chooseForm)} className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="choose" />
            <CheckboxGroup
              name={chooseFields.userIds.name}
              legend={t("buddies.choose")}
              error={chooseFields.userIds.errors?.[0]}
              selected={checkedOf(chooseFields.userIds)}
              options={others.map((u) => ({ value: u.userId, label: u.name }))}
            />
            <div>
              <SubmitButton>{t("buddies.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
