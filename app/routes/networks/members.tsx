import { Form, Link, redirect } from "react-router";
import { netMembersColLabel, roleLabel, statusLabel } from "#app/i18n/labels.ts";
import { decideIntake } from "#app/modules/memberships/intake.server.ts";
import { getMembershipAdmin, setMemberRole } from "#app/modules/memberships/members.server.ts";
import { membersPageSchema } from "#app/modules/memberships/memberships.schema.ts";
import { startSecondNetwork } from "#app/modules/memberships/waiting-list.server.ts";
import { requireCanManageNetwork } from "#app/modules/networks/network-access.server.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import { Avatar, avatarUrl } from "#app/ui/avatar.tsx";
import { Button } from "#app/ui/button.tsx";
import { ErrorSummary, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { replyErrorsOf } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/members";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.networkMembers");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const admin = await getMembershipAdmin(db, network);
    return { ...admin, notice: noticeFrom(args.request) };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const mail = { baseUrl: baseUrl(args.request) };
    const here = `/netwerken/${network.id}/leden`;
    return handleIntents(
      args.request,
      membersPageSchema,
      {
        decide: async ({ intent: _intent, ...decision }) => {
          const outcome = await decideIntake(db, network, decision, mail);
          return redirect(`${here}?melding=net.members.decided.${outcome}`);
        },
        role: async ({ memberId, role }) => {
          await setMemberRole(db, network, { memberId, role });
          return redirect(`${here}?melding=net.members.roleSaved`);
        },
        "second-network": async () => {
          const id = await startSecondNetwork(db, network, mail);
          return redirect(`/netwerken/${id}?melding=net.edit.saved`);
        },
      },
      // Rights before the form: someone without them gets the 403, not field errors.
      { authorize: () => requireCanManageNetwork(network) },
    );
  });
}

export default function Members({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, history, waiting } = loaderData;
  const intakes = history.filter((h) => h.status === "awaiting-intake");
  const errors = replyErrorsOf(actionData);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("net.members.title", { name: network.name })}
        intro={t("net.members.count", {
          count: loaderData.activeCount,
          capacity: network.capacity,
        })}
      >
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ErrorSummary errors={errors} />
      <Card>
        <h2 className="text-lg font-semibold">{t("net.members.intakes")}</h2>
        {intakes.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("net.members.intakes.empty")}</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-4">
            {intakes.map((candidate) => (
              <li key={candidate.id} className="rounded-md border border-slate-300 p-3">
                <p className="font-semibold">
                  {candidate.name}
                  {candidate.schoolName ? `, ${candidate.schoolName}` : ""}
                </p>
                {candidate.nominatedByName ? (
                  <p className="text-sm">
                    {t("net.members.nominatedBy", { name: candidate.nominatedByName })}
                    {candidate.nominationNote ? `: ${candidate.nominationNote}` : ""}
                  </p>
                ) : null}
                <p className="mt-1 text-sm">
                  <span className="font-medium">{t("net.enrol.motivation")}</span>{" "}
                  {candidate.motivation}
                </p>
                {candidate.learningQuestionDraft ? (
                  <p className="text-sm">
                    <span className="font-medium">{t("net.enrol.learningQuestion")}:</span>{" "}
                    {candidate.learningQuestionDraft}
                  </p>
                ) : null}
                <Form method="post" className="mt-3 flex flex-col gap-3">
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="memberId" value={candidate.id} />
                  <TextAreaField
                    name="message"
                    label={t("net.members.decision.message")}
                    rows={2}
                  />
                  <div className="flex gap-3">
                    <Button name="decision" value="accept">
                      {t("net.members.accept")}
                    </Button>
                    <Button name="decision" value="decline" variant="secondary">
                      {t("net.members.decline")}
                    </Button>
                  </div>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("net.members.waiting")}</h2>
        {waiting.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("net.members.waiting.empty")}</p>
        ) : (
          <ol className="mt-2 list-decimal pl-6">
            {waiting.map((entry) => (
              <li key={entry.id}>
                {entry.name}
                {entry.schoolName ? `, ${entry.schoolName}` : ""} —{" "}
                {entry.status === "offered" && entry.offerExpiresAt
                  ? t("net.members.offeredUntil", { date: t.dateTime(entry.offerExpiresAt) })
                  : t("status.waiting")}
              </li>
            ))}
          </ol>
        )}
        {loaderData.canStartSecond ? (
          <Form method="post" className="mt-4 flex flex-col gap-2 rounded-md bg-accent-50 p-3">
            <p>{t("net.members.second.hint", { count: waiting.length })}</p>
            <input type="hidden" name="intent" value="second-network" />
            <div>
              <SubmitButton>{t("net.members.second")}</SubmitButton>
            </div>
          </Form>
        ) : null}
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("net.members.history")}</h2>
        {history.length === 0 ? (
          <EmptyState>{t("net.members.intakes.empty")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("net.members.history")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  {(
                    [
                      "name",
                      "role",
                      "status",
                      "route",
                      "price",
                      "school",
                      "joined",
                      "left",
                    ] as const
                  ).map((col) => (
                    <th key={col} scope="col" className="p-2">
                      {t(netMembersColLabel[col])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {history.map((row) => (
                  <tr key={row.id} className="border-t border-slate-200">
                    <td className="p-2">
                      <span className="flex items-center gap-2">
                        <Avatar
                          id={row.userId}
                          name={row.name}
                          photoUrl={avatarUrl(row.userId, row.avatarFileId)}
                          size={24}
                        />
                        {row.name}
                      </span>
                    </td>
                    <td className="p-2">
                      {row.status === "active" ? (
                        <Form method="post" className="flex items-center gap-1">
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="memberId" value={row.id} />
                          <label htmlFor={`role-${row.id}`} className="sr-only">
                            {t("net.members.roleFor", { name: row.name })}
                          </label>
                          <select
                            id={`role-${row.id}`}
                            name="role"
                            defaultValue={row.role}
                            className="rounded border border-slate-400 bg-white px-1 py-1"
                          >
                            {(["penvoerder", "facilitator", "deelnemer"] as const).map((role) => (
                              <option key={role} value={role}>
                                {t(roleLabel[role])}
                              </option>
                            ))}
                          </select>
                          <Button variant="secondary" size="sm">
                            {t("net.members.roleSave")}
                          </Button>
                        </Form>
                      ) : (
                        t(roleLabel[row.role])
                      )}
                    </td>
                    <td className="p-2">{t(statusLabel[row.status])}</td>
                    <td className="p-2">{row.routeName ?? "—"}</td>
                    <td className="p-2">
                      {row.priceCents !== null ? formatEuro(row.priceCents, t.locale) : "—"}
                    </td>
                    <td className="p-2">{row.schoolName ?? "—"}</td>
                    <td className="p-2 whitespace-nowrap">
                      {row.joinedAt ? t.date(row.joinedAt) : "—"}
                    </td>
                    <td className="p-2 whitespace-nowrap">
                      {row.leftAt ? t.date(row.leftAt) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
