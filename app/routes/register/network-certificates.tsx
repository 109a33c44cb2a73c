import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { certificatesStandingLabel } from "#app/i18n/labels.ts";
import { requireCanManageNetwork } from "#app/modules/networks/network-access.server.ts";
import {
  getNetworkCertificates,
  issueCertificate,
  revokeCertificate,
} from "#app/modules/register/certificates.server.ts";
import {
  type NetworkCertificatesPageForm,
  networkCertificatesPageSchema,
} from "#app/modules/register/register.schema.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { buttonClass } from "#app/ui/button.tsx";
import { SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/network-certificates";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.certificates");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getNetworkCertificates(db, network);
    return {
      network: { id: view.network.id, name: view.network.name },
      rows: view.rows,
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const back = (notice: string) =>
      redirect(`/netwerken/${network.id}/certificaten?melding=${notice}`);
    return handleIntents(
      args.request,
      networkCertificatesPageSchema,
      {
        issue: async ({ memberId }) => {
          await issueCertificate(db, network, memberId);
          return back("certificates.issued");
        },
        revoke: async ({ certificateId, reason }) => {
          await revokeCertificate(db, network, certificateId, reason);
          return back("certificates.revoked");
        },
      },
      // Rights before the form: someone without them gets the 403/404, not field errors.
      { authorize: () => requireCanManageNetwork(network) },
    );
  });
}

export default function NetworkCertificates({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, rows } = loaderData;
  const answer: unknown = actionData;
  const notIssued =
    isIntentReply(answer) && answer.intent === "issue"
      ? answer.result.error?.memberId?.[0]
      : undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("certificates.title")} context={network.name}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {notIssued ? <Notice tone="warning">{t.error(notIssued)}</Notice> : null}
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t("progress.empty")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-3">
            {rows.map((row) => {
              const live = row.certificates.find((c) => !c.revokedAt);
              return (
                <li key={row.memberId} className="rounded-md border border-slate-300 p-3">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{row.name}</span>
                    <span className="text-sm text-slate-700">{row.routeName}</span>
                    <Tag>{t(certificatesStandingLabel[row.standing])}</Tag>
                    <span className="text-sm">
                      {t("certificates.attendance", {
                        present: row.present,
                        held: row.held,
                        required: row.minMeetings ?? "—",
                      })}
                    </span>
                  </p>
                  {row.certificates.map((c) => (
                    <p key={c.id} className="mt-1 text-sm">
                      <a href={`/certificaten/${c.id}/pdf`} className="text-accent-700 underline">
                        {c.code}
                      </a>{" "}
                      {c.revokedAt
                        ? `· ${t("certificates.revokedOn", { date: t.date(c.revokedAt), reason: c.revokedReason })}`
                        : `· ${t("certificates.points", { points: c.points })}`}
                    </p>
                  ))}
                  {live ? (
                    <RevokeForm actionData={actionData} certificateId={live.id} name={row.name} />
                  ) : row.standing === "completed" && row.registerPoints ? (
                    <Form method="post" className="mt-2">
                      <input type="hidden" name="intent" value="issue" />
                      <input type="hidden" name="memberId" value={row.memberId} />
                      <SubmitButton>{t("certificates.issue")}</SubmitButton>
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}

/** One form per live certificate: only the one that was sent shows its error. */
function RevokeForm({
  actionData,
  certificateId,
  name,
}: {
  actionData: unknown;
  certificateId: string;
  name: string;
}) {
  const t = useT();
  const sent =
    isIntentReply(actionData) && actionData.result.initialValue?.certificateId === certificateId;
  const [form, fields] = useIntentForm<Extract<NetworkCertificatesPageForm, { intent: "revoke" }>>(
    "revoke",
    sent ? actionData : null,
    { id: `revoke-${certificateId}` },
  );
  // Rarely needed and not to be hit by accident: behind a button, open again after a refusal.
  return (
    <details open={!!fields.reason.errors?.length} className="mt-2">
      <summary className={`${buttonClass("quiet", "sm")} cursor-pointer`}>
        {t("certificates.revoke")}
      </summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="certificateId" value={certificateId} />
        <TextField label={t("certificates.reason", { name })} {...fieldProps(fields.reason)} />
        <SubmitButton variant="danger">{t("certificates.revoke")}</SubmitButton>
      </Form>
    </details>
  );
}
