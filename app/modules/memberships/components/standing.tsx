import { Form, Link } from "react-router";
import { roleLabel } from "#app/i18n/labels.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Notice } from "#app/ui/layout.tsx";
import type { getMyStanding } from "../enrolment.server.ts";

type Standing = Awaited<ReturnType<typeof getMyStanding>>;

/** Where the actor stands in the network, with what they can do next: leave, accept, join. */
export function Standing({
  standing,
  network,
  memberCount,
  joinable,
  signedIn,
}: {
  standing: Standing;
  network: { id: string; capacity: number };
  memberCount: number;
  joinable: boolean;
  signedIn: boolean;
}) {
  const t = useT();
  const membership = standing?.membership;
  const waiting = standing?.waiting;
  if (membership?.status === "active") {
    return (
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <p className="font-medium">
          {t("net.page.youAreMember", { role: t(roleLabel[membership.role]) })}
        </p>
        <input type="hidden" name="intent" value="leave" />
        <SubmitButton variant="secondary">{t("net.page.leave")}</SubmitButton>
      </Form>
    );
  }
  if (membership?.status === "awaiting-intake")
    return <Notice>{t("net.page.awaitingIntake")}</Notice>;
  if (waiting?.status === "offered" && waiting.offerExpiresAt) {
    return (
      <Form method="post" className="flex flex-col gap-3">
        <Notice tone="success">
          {t("net.page.offered", { date: t.dateTime(waiting.offerExpiresAt) })}
        </Notice>
        <input type="hidden" name="intent" value="accept" />
        <div>
          <SubmitButton>{t("net.page.acceptOffer")}</SubmitButton>
        </div>
      </Form>
    );
  }
  if (waiting) {
    return (
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <p className="font-medium">
          {t("net.page.waiting", { position: standing?.position ?? 1 })}
        </p>
        <input type="hidden" name="intent" value="leave" />
        <SubmitButton variant="secondary">{t("net.page.withdraw")}</SubmitButton>
      </Form>
    );
  }
  if (!joinable) return <p className="font-medium">{t("net.joinable.no")}</p>;
  const full = memberCount >= network.capacity;
  const to = signedIn
    ? `/netwerken/${network.id}/aanmelden`
    : `/inloggen?terug=/netwerken/${network.id}/aanmelden`;
  return (
    <div className="flex flex-col gap-2">
      {membership?.status === "nominated" ? <Notice>{t("net.page.nominated")}</Notice> : null}
      <p>{full ? t("net.joinable.waiting") : t("net.joinable.yes")}</p>
      <div>
        <Link
          to={to}
          className="inline-block rounded-md bg-accent-700 px-4 py-2 font-medium text-white hover:bg-accent-800"
        >
          {full ? t("net.page.joinWaiting") : t("net.page.join")}
        </Link>
      </div>
    </div>
  );
}
