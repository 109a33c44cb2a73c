import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  authorizeNetwork,
  requireNetworkMember,
} from "#app/modules/networks/network-access.server.ts";
import {
  dissolveBuddyGroup,
  formBuddyGroup,
  formSuggestedGroups,
  listBuddyGroups,
} from "#app/modules/peergroups/buddies.server.ts";
import { buddyGroupSchema, suggestionSchema } from "#app/modules/peergroups/peergroups.schema.ts";
import { parseForm } from "#app/platform/forms.ts";
import { CheckboxGroup, ErrorSummary, SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/buddies";

export function meta() {
  return [{ title: "Maatjes — Knooppunt" }];
}

function sizeFrom(request: Request) {
  const size = Number(new URL(request.url).searchParams.get("grootte") ?? 3);
  return Number.isInteger(size) && size >= 2 && size <= 5 ? size : 3;
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const size = sizeFrom(request);
  const view = await listBuddyGroups(await getDb(), actor, params.networkId, size);
  return {
    ...view,
    size,
    me: actor.userId,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403/404, not field errors.
  requireNetworkMember(await authorizeNetwork(db, actor, params.networkId));
  const formData = await request.formData();
  const back = (notice: string) =>
    redirect(`/netwerken/${params.networkId}/maatjes?melding=${notice}`);
  const intent = formData.get("intent");
  if (intent === "dissolve") {
    await dissolveBuddyGroup(db, actor, params.networkId, String(formData.get("groupId") ?? ""));
    return back("buddies.dissolved");
  }
  if (intent === "suggestion") {
    const form = parseForm(suggestionSchema, formData);
    if (!form.ok) return data({ errors: form.errors }, { status: 400 });
    const result = await withFieldErrors(() =>
      formSuggestedGroups(db, actor, params.networkId, form.data.size),
    );
    return result.ok
      ? back("buddies.suggestionSaved")
      : data({ errors: result.errors }, { status: 400 });
  }
  const ids = formData.getAll("userIds").map(String);
  // A participant forming a group is always part of it themself.
  if (intent === "choose") ids.push(actor.userId);
  const copy = new FormData();
  for (const id of new Set(ids)) copy.append("userIds", id);
  const form = parseForm(buddyGroupSchema, copy, ["userIds"]);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const result = await withFieldErrors(() =>
    formBuddyGroup(db, actor, params.networkId, form.data.userIds),
  );
  return result.ok ? back("buddies.saved") : data({ errors: result.errors }, { status: 400 });
}

export default function Buddies({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, groups, unpaired, isTeacher, myGroupId, me, suggestion } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
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
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="suggestion" />
            <input type="hidden" name="size" value={loaderData.size} />
            <SubmitButton>{t("buddies.acceptSuggestion")}</SubmitButton>
          </Form>
        </Card>
      ) : null}
      {isTeacher && unpaired.length >= 2 ? (
        <Card>
          <Form method="post" className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="pair" />
            <CheckboxGroup
              name="userIds"
              legend={t("buddies.pair")}
              error={errors?.userIds}
              selected={[]}
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
          <Form method="post" className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="choose" />
            <CheckboxGroup
              name="userIds"
              legend={t("buddies.choose")}
              error={errors?.userIds}
              selected={[]}
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
