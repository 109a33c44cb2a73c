import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { buddyPairSchema } from "#app/modules/courses/courses.schema.ts";
import {
  dissolveBuddyGroup,
  formBuddyGroup,
  listBuddyGroups,
} from "#app/modules/courses/courses.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { CheckboxGroup, ErrorSummary, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/buddies";

export function meta() {
  return [{ title: "Maatjes — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await listBuddyGroups(await getDb(), actor, params.networkId);
  return {
    ...view,
    me: actor.userId,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const back = (notice: string) =>
    redirect(`/netwerken/${params.networkId}/maatjes?melding=${notice}`);
  if (formData.get("intent") === "dissolve") {
    await dissolveBuddyGroup(db, actor, params.networkId, String(formData.get("groupId") ?? ""));
    return back("buddies.dissolved");
  }
  const ids = formData.getAll("userIds").map(String);
  // A participant choosing a buddy is always part of the pair themself.
  if (formData.get("intent") === "choose") ids.push(actor.userId);
  const form = parseForm(
    buddyPairSchema,
    (() => {
      const copy = new FormData();
      for (const id of new Set(ids)) copy.append("userIds", id);
      return copy;
    })(),
    ["userIds"],
  );
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const result = await withFieldErrors(() =>
    formBuddyGroup(db, actor, params.networkId, form.data.userIds),
  );
  return result.ok ? back("buddies.saved") : data({ errors: result.errors }, { status: 400 });
}

export default function Buddies({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, groups, unpaired, isTeacher, myGroupId, me } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const others = unpaired.filter((u) => u.userId !== me);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("buddies.title")} intro={network.name}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ErrorSummary errors={errors} />
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
