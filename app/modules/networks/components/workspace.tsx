import { Link } from "react-router";
import { useT } from "#app/ui/i18n.tsx";
import { Card } from "#app/ui/layout.tsx";
import { isNetworkGuide, type NetworkAccess } from "../networks.policy.ts";

/** Links into the network's own work: for members, and for the people who run it. */
export function Workspace({
  network,
  access,
  canManage,
}: {
  network: { id: string; kind: string };
  access: NetworkAccess;
  canManage: boolean;
}) {
  const t = useT();
  const roles = access.myRoles;
  const isMember = roles.length > 0;
  const guides = isNetworkGuide(access);
  if (!isMember && !canManage) return null;
  const base = `/netwerken/${network.id}`;
  const links: [string, string][] = [[`${base}/bijeenkomsten`, t("net.page.meetings")]];
  if (isMember)
    links.push(
      [`${base}/discussie`, t("discussion.title")],
      [`${base}/maatjes`, t("net.page.buddies")],
      [`${base}/intervisie`, t("intervision.title")],
      [`${base}/netwerklerend`, t("toolkit.title")],
      [`${base}/leervraag`, t("net.page.myQuestion")],
    );
  else if (canManage) links.push([`${base}/discussie/levendigheid`, t("discussion.metrics.title")]);
  if (roles.includes("deelnemer")) links.push([`${base}/mijn-route`, t("net.page.myRoute")]);
  if (guides || canManage) links.push([`${base}/voortgang`, t("net.page.progress")]);
  if (guides) links.push([`${base}/leervragen`, t("net.page.questions")]);
  if (canManage) links.push([`${base}/certificaten`, t("net.page.certificates")]);
  if (canManage) links.push([`${base}/vragenlijsten`, t("net.page.surveys")]);
  links.push([`${base}/peilingen`, t("net.page.polls")]);
  if (isMember || canManage) links.push([`${base}/oogst`, t("net.page.harvest")]);
  if (isMember)
    links.push([`${base}/actieplannen`, t("net.page.plans")], ["/zelfscan", t("selfscan.title")]);
  if (isMember && network.kind === "course") {
    links.push([`${base}/leergang`, t("net.page.course")]);
  }
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("net.page.workspace")}</h2>
      <ul className="mt-2 flex flex-wrap gap-3">
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to} className="text-accent-700 underline">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The managers' links: profile, routes, members and intake, support. */
export function ManageLinks({ networkId }: { networkId: string }) {
  const t = useT();
  const base = `/netwerken/${networkId}`;
  const links: [string, string][] = [
    [`${base}/bewerken`, t("net.page.edit")],
    [`${base}/routes`, t("net.page.editRoutes")],
    [`${base}/leden`, t("net.page.membership")],
    [`${base}/ondersteuning`, t("net.page.support")],
  ];
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("net.page.manage")}</h2>
      <ul className="mt-2 flex flex-wrap gap-3">
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to} className="text-accent-700 underline">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
