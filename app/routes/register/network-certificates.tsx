import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  authorizeNetwork,
  requireCanManageNetwork,
} from "#app/modules/networks/network-access.server.ts";
import {
  getNetworkCertificates,
  issueCertificate,
  revokeCertificate,
} from "#app/modules/register/certificates.server.ts";
import { revokeSchema } from "#app/modules/register/register.schema.ts";
import { parseForm } from "#app/platform/forms.ts";
import { SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/network-certificates";

export function meta() {
  return [{ title: "Certificaten — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getNetworkCertificates(await getDb(), actor, params.networkId);
  return {
    network: { id: view.network.id, name: view.network.name },
    rows: view.rows,
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403/404, not field errors.
  requireCanManageNetwork(await authorizeNetwork(db, actor, params.networkId));
  const formData = await request.formData();
  const back = (notice: string) =>
    redirect(`/netwerken/${params.networkId}/certificaten?melding=${notice}`);
  if (formData.get("intent") === "issue") {
    const result = await withFieldErrors(() =>
      issueCertificate(db, actor, params.networkId, String(formData.get("memberId") ?? "")),
    );
    return result.ok
      ? back("certificates.issued")
      : data({ errors: result.errors, certificateId: null }, { status: 400 });
  }
  const form = parseForm(revokeSchema, formData);
  if (!form.ok)
    return data(
      { errors: form.errors, certificateId: String(formData.get("certificateId") ?? "") },
      { status: 400 },
    );
  await revokeCertificate(db, actor, params.networkId, form.data.certificateId, form.data.reason);
  return back("certificates.revoked");
}

export default function NetworkCertificates({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, rows } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("certificates.title")} intro={network.name}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {errors?.memberId ? <Notice tone="warning">{t(errors.memberId)}</Notice> : null}
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
                    <Tag>{t(`certificates.standing.${row.standing}`)}</Tag>
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
                    <Form method="post" noValidate className="mt-2 flex flex-wrap items-end gap-2">
                      <input type="hidden" name="certificateId" value={live.id} />
                      <TextField
                        name="reason"
                        id={`reason-${live.id}`}
                        label={t("certificates.reason", { name: row.name })}
                        error={actionData?.certificateId === live.id ? errors?.reason : undefined}
                      />
                      <SubmitButton variant="danger">{t("certificates.revoke")}</SubmitButton>
                    </Form>
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
