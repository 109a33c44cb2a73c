import { Form } from "react-router";
import { roleLabel } from "#app/i18n/labels.ts";
import { LinkButton } from "#app/ui/button.tsx";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Notice } from "#app/ui/layout.tsx";
import type { getMyStanding } from "../enrolment.server.ts";

type Standing = Awaited<ReturnType<typeof getMyStanding>>;

type StandingProps = {
  standing: Standing;
  network: { id: string; capacity: number };
  memberCount: number;
  joinable: boolean;
  signedIn: boolean;
};

/**
 * The one main action for this person, in the page header: join (or the waiting list), take
 * the offered place, or, for a member, go to the discussion. Leaving or withdrawing is never the
 * main action; it stays with the standing below.
 */
export function StandingAction({
  standing,
  network,
  memberCount,
  joinable,
  signedIn,
}: StandingProps) {
  const t = useT();
  const membership = standing?.membership;
  const waiting = standing?.waiting;
  if (membership?.status === "active")
    return (
      <LinkButton to={`/netwerken/${network.id}/discussie`} variant="secondary">
        {t("net.page.toDiscussion")}
      </LinkButton>
    );
  if (membership?.status === "awaiting-intake") return null;
  if (waiting?.status === "offered" && waiting.offerExpiresAt)
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="accept" />
        <SubmitButton>{t("net.page.acceptOffer")}</SubmitButton>
      </Form>
    );
  if (waiting || !joinable) return null;
  const full = memberCount >= network.capacity;
  const to = signedIn
    ? `/netwerken/${network.id}/aanmelden`
    : `/inloggen?terug=/netwerken/${network.id}/aanmelden`;
  return <LinkButton to={to}>{full ? t("net.page.joinWaiting") : t("net.page.join")}</LinkButton>;
}

/** Where the actor stands in the network, with what else they can do: leave or withdraw. */
export function Standing({ standing, network, memberCount, joinable }: StandingProps) {
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
      <Notice tone="success">
        {t("net.page.offered", { date: t.dateTime(waiting.offerExpiresAt) })}
      </Notice>
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
  return (
    <div className="flex flex-col gap-2">
      {membership?.status === "nominated" ? <Notice>{t("net.page.nominated")}</Notice> : null}
      <p>{full ? t("net.joinable.waiting") : t("net.joinable.yes")}</p>
    </div>
  );
}
