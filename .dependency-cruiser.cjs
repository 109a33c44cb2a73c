// The boundaries of docs/ARCHITECTURE.md ("Boundaries"), checked by `npm run deps` and by
// app/architecture.test.ts. Paths are relative to the repository root.

/** Which modules a module may import: the tiers of ../shared/DESIGN.md. A new module adds its row. */
const allDomainModules = [
  "accounts",
  "organisations",
  "notifications",
  "networks",
  "memberships",
  "meetings",
  "register",
  "progress",
  "courses",
  "calendar",
  "evaluation",
  "discussion",
  "peergroups",
  "toolkit",
];

const moduleDependencies = {
  accounts: [],
  /** in-app notifications and the choice of channel: every module that tells a person something uses it */
  notifications: ["accounts"],
  organisations: ["accounts", "notifications"],
  networks: ["accounts", "organisations", "notifications"],
  memberships: ["accounts", "organisations", "notifications", "networks"],
  meetings: ["accounts", "organisations", "notifications", "networks"],
  register: ["accounts", "organisations", "notifications", "networks", "meetings"],
  progress: ["accounts", "organisations", "notifications", "networks", "meetings", "register"],
  courses: ["accounts", "organisations", "notifications", "networks"],
  calendar: ["accounts", "organisations", "notifications", "networks", "meetings"],
  evaluation: ["accounts", "organisations", "notifications", "networks", "meetings"],
  discussion: ["accounts", "organisations", "notifications", "networks"],
  peergroups: ["accounts", "organisations", "notifications", "networks"],
  toolkit: ["accounts", "organisations", "notifications", "networks"],
  /** single sign-on (OpenID Connect relying party): accounts by (provider, subject), the school from the login */
  sso: ["accounts", "organisations"],
  /** the register of personal data, export and erasure: it asks every module for its part */
  privacy: [...allDomainModules, "sso"],
  /** the personal start page and the welcome after sign-up: they gather what is a person's from every module */
  home: allDomainModules,
  /** one search across what the person may see: each module answers for its own content */
  search: allDomainModules,
};

const clientOnly = ["^app/ui/", "^app/modules/[^/]+/components/"];

/** Tests (and their fixtures and support) may reach anything they need to set up; the rules are for the app. */
const tests = "\\.(test|spec)\\.tsx?$|\\.fixtures\\.ts$|-test-support\\.ts$";

const moduleTiers = Object.entries(moduleDependencies).map(([name, allowed]) => ({
  name: `module-tier-${name}`,
  comment: `${name} may import only the modules below it: ${allowed.join(", ") || "none"}.`,
  severity: "error",
  from: { path: `^app/modules/${name}/`, pathNot: tests },
  to: {
    path: "^app/modules/[^/]+/",
    pathNot: [`^app/modules/${name}/`, ...allowed.map((m) => `^app/modules/${m}/`)],
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment:
        "A cycle makes the load order matter and the layers meaningless. A type import closing the loop is erased at build time and allowed (layer rules still apply to it).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, pathNot: "/\\+types/" },
    },
    {
      name: "core-imports-nothing-of-ours",
      comment: "app/core (env, logger) sits under everything, the database included.",
      severity: "error",
      from: { path: "^app/core/", pathNot: tests },
      to: { path: "^app/", pathNot: "^app/core/" },
    },
    {
      name: "db-imports-only-core",
      comment:
        "The database layer knows its schema and core; platform builds on it, never the reverse.",
      severity: "error",
      from: { path: "^app/db/", pathNot: tests },
      to: { path: "^app/", pathNot: ["^app/db/", "^app/core/"] },
    },
    {
      name: "platform-below-the-domain",
      comment: "platform knows no modules, routes, UI or app entries.",
      severity: "error",
      from: { path: "^app/platform/", pathNot: tests },
      to: { path: "^app/(modules|routes|ui)/|^app/(root|entry\\.server|routes)\\.tsx?$" },
    },
    {
      name: "i18n-below-the-domain",
      comment: "Messages and dates know no modules, routes or database.",
      severity: "error",
      from: { path: "^app/i18n/", pathNot: tests },
      to: { path: "^app/(modules|routes|db)/" },
    },
    {
      name: "ui-without-domain-or-server",
      comment: "The design system has no domain words and runs in the browser.",
      severity: "error",
      from: { path: "^app/ui/", pathNot: tests },
      to: { path: "^app/(modules|routes|db)/|\\.server\\.tsx?$" },
    },
    {
      name: "modules-never-import-routes",
      severity: "error",
      from: { path: "^app/modules/", pathNot: tests },
      to: { path: "^app/routes/|^app/(root|entry\\.server|routes)\\.tsx?$" },
    },
    ...moduleTiers,
    {
      name: "no-other-modules-components",
      comment:
        "A module's components are for routes (and its own components), not for other modules.",
      severity: "error",
      from: { path: "^app/modules/([^/]+)/", pathNot: tests },
      to: { path: "^app/modules/[^/]+/components/", pathNot: "^app/modules/$1/" },
    },
    {
      name: "module-internals-stay-inside",
      comment:
        "A module is reached through its files; `*.internal.ts(x)` helpers only from inside the module.",
      severity: "error",
      from: { pathNot: ["^app/modules/", tests] },
      to: { path: "^app/modules/[^/]+/.*\\.internal\\.tsx?$" },
    },
    {
      name: "module-internals-stay-inside-modules",
      comment: "The same, between modules.",
      severity: "error",
      from: { path: "^app/modules/([^/]+)/", pathNot: tests },
      to: { path: "^app/modules/[^/]+/.*\\.internal\\.tsx?$", pathNot: "^app/modules/$1/" },
    },
    {
      name: "no-sql-in-routes",
      comment: "Routes parse, call a module and render: no schema, no drizzle.",
      severity: "error",
      from: { path: "^app/routes/", pathNot: tests },
      to: { path: "^app/db/schema/|^node_modules/drizzle-orm/" },
    },
    {
      name: "client-code-never-reaches-server-code",
      comment:
        "ui and modules' components/ are bundled for the browser: they never import *.server files (types excepted).",
      severity: "error",
      from: { path: clientOnly, pathNot: tests },
      to: { path: "\\.server\\.tsx?$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "app-never-imports-tests-or-scripts",
      severity: "error",
      from: { path: "^(app|server)/", pathNot: tests },
      to: { path: "^(tests|scripts)/|\\.test\\.tsx?$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|\\.react-router|data|\\.tools)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
