import { Form } from "react-router";
import { verifyCertificate } from "#app/modules/register/certificates.server.ts";
import { SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/verify";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.verifyCertificate");
}

/** Public: anyone with a code sees exactly what the certificate says, and whether it holds. */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => {
    const code = new URL(args.request.url).searchParams.get("code")?.trim() ?? "";
    if (!code) return { code, certificate: null, searched: false };
    return { code, certificate: await verifyCertificate(db, code), searched: true };
  });
}

export default function Verify({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { certificate } = loaderData;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={t("certverify.title")} intro={t("certverify.intro")} />
      <Card>
        <Form method="get" className="flex flex-col gap-3">
          <TextField
            name="code"
            label={t("certverify.code")}
            hint={t("certverify.code.hint")}
            required
            defaultValue={loaderData.code}
          />
          <div>
            <SubmitButton>{t("certverify.submit")}</SubmitButton>
          </div>
        </Form>
      </Card>
      {loaderData.searched && !certificate ? (
        <Notice tone="warning">{t("certverify.unknown")}</Notice>
      ) : null}
      {certificate ? (
        <Card>
          {certificate.revokedAt ? (
            <Notice tone="warning">
              {t("certverify.revoked", { date: t.date(certificate.revokedAt) })}
            </Notice>
          ) : (
            <Notice tone="success">{t("certverify.valid")}</Notice>
          )}
          <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
            {(
              [
                ["certverify.participant", certificate.participantName],
                ["certverify.course", `${certificate.title} — ${certificate.routeName}`],
                ["certverify.provider", certificate.provider],
                [
                  "certverify.period",
                  `${t.date(certificate.startDate)} – ${t.date(certificate.endDate)}`,
                ],
                ["certverify.hours", String(certificate.hours)],
                ["certverify.value", t("certverify.value.points", { points: certificate.points })],
                ["certverify.themes", certificate.themes.join(", ") || "—"],
                ["certverify.issued", t.date(certificate.issuedAt)],
                ["certverify.code", certificate.code],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium">{t(label)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
    </div>
  );
}
