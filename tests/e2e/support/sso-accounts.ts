// The people the browser journeys log in as at the two test providers (serve.ts starts them):
// one account per journey, so journeys running side by side never share an account. The journey
// names its account with login_hint (tests/e2e/sso.spec.ts), the provider logs it in at once.

/** The institution domain a journey maps to Baken Trinitas Gymnasium before logging in with it. */
export const surfDomain = "trinitas-sso.test";

export const surfconextAccounts = {
  // first login: lands at Baken Trinitas through the mapped domain
  "surf-anna": {
    sub: "surf-pairwise-7c1e-anna",
    given_name: "Anna",
    family_name: "Veldhuis",
    name: "Anna Veldhuis",
    email: "anna.veldhuis@trinitas-sso.test",
    schac_home_organization: surfDomain,
    eduperson_affiliation: ["employee", "faculty"],
  },
  // second login finds the same account; logging out ends the provider's session too
  "surf-bram": {
    sub: "surf-pairwise-9d2f-bram",
    given_name: "Bram",
    family_name: "Hoekstra",
    name: "Bram Hoekstra",
    email: "bram.hoekstra@elders-sso.test",
    schac_home_organization: "elders-sso.test",
    eduperson_affiliation: ["employee"],
  },
};

export const entreeAccounts = {
  // gives no e-mail address: asked for, then verified by mail; the BRIN is Leidsche Rijn College's
  "entree-cor": {
    uid: "f3a9c2d1e8b7@entree.test",
    givenName: "Cor",
    sn: "Dijkstra",
    eduPersonAffiliation: ["employee"],
    nlEduPersonHomeOrganizationId: "20AB",
    nlEduPersonHomeOrganization: "Leidsche Rijn College",
  },
  // linked from the sign-in methods page of a password account
  "entree-dana": {
    uid: "0b4e7a6c5d21@entree.test",
    givenName: "Dana",
    sn: "Smit",
    eduPersonAffiliation: ["employee"],
    nlEduPersonHomeOrganizationId: "20AC",
    nlEduPersonHomeOrganization: "RSG Broklede",
  },
};
