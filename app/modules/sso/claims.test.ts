import { describe, expect, it } from "vitest";
import { mapClaims, normaliseDomain, suggestJobFunction } from "./claims.ts";

describe("SURFconext claims", () => {
  it("keys on the pairwise sub, takes the home organisation's domain and trusts the institution's e-mail", () => {
    expect(
      mapClaims("surfconext", {
        sub: "a1b2c3",
        email: "A.deVries@HogeSchool.nl",
        given_name: "Anna",
        family_name: "de Vries",
        schac_home_organization: "HogeSchool.NL",
        eduperson_affiliation: ["employee", "member"],
        eduperson_scoped_affiliation: ["faculty@hogeschool.nl", "member@hogeschool.nl"],
      }),
    ).toEqual({
      subject: "a1b2c3",
      email: "a.devries@hogeschool.nl",
      emailVerified: true,
      givenName: "Anna",
      familyName: "de Vries",
      name: "Anna de Vries",
      homeOrganisation: { kind: "domain", value: "hogeschool.nl" },
      affiliations: ["employee", "member", "faculty"],
    });
  });

  it("without sub there is no identity; without e-mail nothing is verified", () => {
    expect(mapClaims("surfconext", { email: "x@y.nl" })).toBeNull();
    expect(
      mapClaims("surfconext", { sub: "s", schac_home_organization: "not a domain" }),
    ).toMatchObject({
      email: null,
      emailVerified: false,
      homeOrganisation: null,
      name: null,
    });
  });
});

describe("Entree claims", () => {
  it("keys on the first uid, keeps the BRIN whole (upper case) and has no e-mail", () => {
    expect(
      mapClaims("entree", {
        sub: "ignored",
        uid: ["qj7cks8qdz9ph54@petteflat", "other"],
        givenName: ["Piet"],
        sn: "Pukkelen",
        eduPersonAffiliation: "employee",
        nlEduPersonHomeOrganizationId: "11zz03",
        nlEduPersonHomeOrganization: "Petteflat College",
      }),
    ).toEqual({
      subject: "qj7cks8qdz9ph54@petteflat",
      email: null,
      emailVerified: false,
      givenName: "Piet",
      familyName: "Pukkelen",
      name: "Piet Pukkelen",
      homeOrganisation: { kind: "brin", value: "11ZZ03" },
      affiliations: ["employee"],
    });
  });

  it("an e-mail Entree passes on is not vouched for; a malformed BRIN names no school; no uid, no identity", () => {
    expect(
      mapClaims("entree", {
        uid: "u@r",
        mail: "p@school.nl",
        nlEduPersonHomeOrganizationId: "11Z",
      }),
    ).toMatchObject({ email: "p@school.nl", emailVerified: false, homeOrganisation: null });
    expect(mapClaims("entree", { sub: "x", givenName: "Piet" })).toBeNull();
  });
});

describe("Entra and Google claims", () => {
  it("Entra keys on tenant and object id; its e-mail counts only with xms_edov; the UPN names the domain", () => {
    const base = {
      sub: "per-app",
      tid: "tenant",
      oid: "object",
      email: "j@school.nl",
      upn: "j@school.nl",
      name: "J. Janssen",
    };
    expect(mapClaims("entra", base)).toMatchObject({
      subject: "tenant:object",
      emailVerified: false,
      homeOrganisation: { kind: "domain", value: "school.nl" },
      name: "J. Janssen",
    });
    expect(mapClaims("entra", { ...base, xms_edov: true })?.emailVerified).toBe(true);
    expect(mapClaims("entra", { sub: "only-sub" })?.subject).toBe("only-sub");
  });

  it("Google takes email_verified at its word and the Workspace domain from hd", () => {
    expect(
      mapClaims("google", {
        sub: "1",
        email: "a@school.nl",
        email_verified: true,
        hd: "school.nl",
      }),
    ).toMatchObject({
      subject: "1",
      emailVerified: true,
      homeOrganisation: { kind: "domain", value: "school.nl" },
    });
    expect(
      mapClaims("google", { sub: "1", email: "a@gmail.com", email_verified: false }),
    ).toMatchObject({
      emailVerified: false,
      homeOrganisation: null,
    });
  });
});

describe("helpers", () => {
  it("suggests a teacher for staff affiliations and nothing for students", () => {
    expect(suggestJobFunction(["member", "employee"])).toBe("leraar");
    expect(suggestJobFunction(["faculty"])).toBe("leraar");
    expect(suggestJobFunction(["student", "member"])).toBeNull();
  });

  it("normalises domains and refuses what is no host name", () => {
    expect(normaliseDomain(" School.NL. ")).toBe("school.nl");
    expect(normaliseDomain("school")).toBeNull();
    expect(normaliseDomain("sch ool.nl")).toBeNull();
    expect(normaliseDomain(null)).toBeNull();
  });
});
