import type { MessageKey } from "#app/i18n/catalogues/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { canManageNetwork, isNetworkGuide, type NetworkAccess } from "./networks.policy.ts";

interface WorkspacePage {
  to: string;
  label: MessageKey;
  /** current only on this very address, not on the pages below it */
  exact?: boolean;
}

export interface WorkspaceTab {
  label: MessageKey;
  pages: WorkspacePage[];
}

/**
 * A network's workspace as tabs: the member's work grouped as people look for it, and the
 * managers' pages apart under "Beheer". Only pages the actor may open are listed; a visitor or a
 * signed-in outsider gets no tabs (the pages themselves still refuse them, this is only the menu).
 */
export function workspaceTabs(
  actor: MaybeActor,
  network: { id: string; kind: string },
  access: NetworkAccess,
): WorkspaceTab[] {
  const isMember = access.myRoles.length > 0;
  const canManage = canManageNetwork(actor, access);
  if (!isMember && !canManage) return [];
  const base = `/netwerken/${network.id}`;
  const page = (path: string, label: MessageKey): WorkspacePage => ({
    to: path.startsWith("/") ? path : `${base}/${path}`,
    label,
  });
  const tabs: WorkspaceTab[] = [
    {
      label: "nav.workspace.overview",
      pages: [{ ...page(base, "nav.workspace.overview"), exact: true }],
    },
    { label: "net.page.meetings", pages: [page("bijeenkomsten", "net.page.meetings")] },
  ];
  if (isMember) {
    tabs.push({ label: "discussion.title", pages: [page("discussie", "discussion.title")] });
    // A course's own page leads its tab; otherwise the participant's route, then the question.
    const route: WorkspacePage[] = [];
    if (network.kind === "course") route.push(page("leergang", "net.page.course"));
    if (access.myRoles.includes("deelnemer")) route.push(page("mijn-route", "net.page.myRoute"));
    route.push(page("leervraag", "net.page.myQuestion"));
    const routeLabel: MessageKey =
      network.kind === "course"
        ? "nav.workspace.course"
        : (route[0]?.label ?? "net.page.myQuestion");
    tabs.push({ label: routeLabel, pages: route });
    tabs.push({
      label: "nav.workspace.peers",
      pages: [page("maatjes", "net.page.buddies"), page("intervisie", "intervision.title")],
    });
  }
  const evaluation: WorkspacePage[] = [page("oogst", "net.page.harvest")];
  evaluation.push(page("peilingen", "net.page.polls"));
  if (isMember) {
    evaluation.push(page("actieplannen", "net.page.plans"), page("/zelfscan", "selfscan.title"));
  }
  tabs.push({ label: "nav.workspace.evaluation", pages: evaluation });
  if (isMember)
    tabs.push({ label: "toolkit.title", pages: [page("netwerklerend", "toolkit.title")] });
  if (canManage) {
    const manage = [
      page("bewerken", "net.page.edit"),
      page("routes", "net.page.editRoutes"),
      page("leden", "net.page.membership"),
      page("voortgang", "net.page.progress"),
    ];
    if (isNetworkGuide(access)) manage.push(page("leervragen", "net.page.questions"));
    manage.push(
      page("certificaten", "net.page.certificates"),
      page("vragenlijsten", "net.page.surveys"),
      page("discussie/levendigheid", "discussion.metrics.title"),
      page("ondersteuning", "net.page.support"),
    );
    tabs.push({ label: "nav.workspace.manage", pages: manage });
  }
  return tabs;
}
