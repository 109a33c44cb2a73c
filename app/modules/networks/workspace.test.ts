import { describe, expect, it } from "vitest";
import type { Actor } from "#app/platform/actor.ts";
import type { NetworkAccess, NetworkRole } from "./networks.policy.ts";
import { workspaceTabs } from "./workspace.ts";

const network = { id: "n1", kind: "network" };
const access = (myRoles: NetworkRole[], openness: "open" | "closed" = "closed"): NetworkAccess => ({
  id: "n1",
  openness,
  status: "active",
  programmeId: "p1",
  regionId: null,
  myRoles,
});
const person = (grants: Actor["grants"] = []): Actor => ({
  userId: "u1",
  name: "Iemand",
  email: "iemand@school.test",
  isPlatformAdmin: false,
  grants,
});
const labels = (tabs: ReturnType<typeof workspaceTabs>) => tabs.map((tab) => tab.label);
const pages = (tabs: ReturnType<typeof workspaceTabs>) =>
  tabs.flatMap((tab) => tab.pages.map((page) => page.to));

describe("a network's workspace tabs", () => {
  it("give a participant of a closed network its work, and no Beheer", () => {
    const tabs = workspaceTabs(person(), network, access(["deelnemer"]));
    expect(labels(tabs)).toEqual([
      "nav.workspace.overview",
      "net.page.meetings",
      "discussion.title",
      "net.page.myRoute",
      "nav.workspace.peers",
      "nav.workspace.evaluation",
      "toolkit.title",
    ]);
    expect(pages(tabs)).toContain("/netwerken/n1/mijn-route");
    expect(pages(tabs)).not.toContain("/netwerken/n1/bewerken");
  });

  it("put the managers' pages under Beheer for a penvoerder and for the programme's coordinator", () => {
    const guide = workspaceTabs(person(), network, access(["penvoerder"]));
    const manage = guide.at(-1);
    expect(manage?.label).toBe("nav.workspace.manage");
    expect(manage?.pages.map((page) => page.to)).toEqual(
      expect.arrayContaining([
        "/netwerken/n1/bewerken",
        "/netwerken/n1/leden",
        "/netwerken/n1/voortgang",
        "/netwerken/n1/certificaten",
        "/netwerken/n1/discussie/levendigheid",
      ]),
    );
    // A penvoerder is no participant: no route of their own.
    expect(pages(guide)).not.toContain("/netwerken/n1/mijn-route");

    const coordinator = workspaceTabs(
      person([{ role: "programme-coordinator", scopeId: "p1" }]),
      network,
      access([]),
    );
    expect(labels(coordinator)).toEqual([
      "nav.workspace.overview",
      "net.page.meetings",
      "nav.workspace.evaluation",
      "nav.workspace.manage",
    ]);
    expect(pages(coordinator)).not.toContain("/netwerken/n1/discussie");
  });

  it("give visitors and signed-in outsiders no tabs, of an open network too", () => {
    expect(workspaceTabs(null, network, access([], "open"))).toEqual([]);
    expect(workspaceTabs(person(), network, access([], "open"))).toEqual([]);
    expect(workspaceTabs(person(), network, access([]))).toEqual([]);
  });

  it("list the course's own page in a course", () => {
    const tabs = workspaceTabs(person(), { id: "n1", kind: "course" }, access(["deelnemer"]));
    expect(pages(tabs)).toContain("/netwerken/n1/leergang");
  });
});
