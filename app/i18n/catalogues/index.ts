import type { Locale } from "../locale.ts";
import type accounts from "./accounts/nl.ts";
import type calendar from "./calendar/nl.ts";
import type courses from "./courses/nl.ts";
import type discussion from "./discussion/nl.ts";
import type evaluation from "./evaluation/nl.ts";
import type home from "./home/nl.ts";
import type homePanels from "./home-panels/nl.ts";
import type meetings from "./meetings/nl.ts";
import type networks from "./networks/nl.ts";
import type notifications from "./notifications/nl.ts";
import type organisations from "./organisations/nl.ts";
import type peergroups from "./peergroups/nl.ts";
import type privacy from "./privacy/nl.ts";
import type progress from "./progress/nl.ts";
import type register from "./register/nl.ts";
import type rights from "./rights/nl.ts";
import type search from "./search/nl.ts";
import type shell from "./shell/nl.ts";
import type sso from "./sso/nl.ts";
import type toolkit from "./toolkit/nl.ts";
import type welcome from "./welcome/nl.ts";

// One catalogue per module (and the shell: layout, navigation, page titles, common errors), one
// file per locale. The browser loads a catalogue only when a page of its locale needs it.
export const namespaces = [
  "shell",
  "accounts",
  "calendar",
  "courses",
  "discussion",
  "evaluation",
  "home",
  "homePanels",
  "meetings",
  "networks",
  "notifications",
  "organisations",
  "peergroups",
  "privacy",
  "progress",
  "register",
  "rights",
  "search",
  "sso",
  "toolkit",
  "welcome",
] as const;
export type Namespace = (typeof namespaces)[number];
export type Messages = Readonly<Record<string, string>>;

export type MessageKey =
  | keyof typeof shell
  | keyof typeof accounts
  | keyof typeof calendar
  | keyof typeof courses
  | keyof typeof discussion
  | keyof typeof evaluation
  | keyof typeof home
  | keyof typeof homePanels
  | keyof typeof meetings
  | keyof typeof networks
  | keyof typeof notifications
  | keyof typeof organisations
  | keyof typeof peergroups
  | keyof typeof privacy
  | keyof typeof progress
  | keyof typeof register
  | keyof typeof rights
  | keyof typeof search
  | keyof typeof sso
  | keyof typeof toolkit
  | keyof typeof welcome;

type Loader = () => Promise<{ default: Messages }>;

// Written out so that Vite gives each file its own chunk, and the type checker sees every file.
export const loaders: Record<Locale, Record<Namespace, Loader>> = {
  nl: {
    shell: () => import("./shell/nl.ts"),
    accounts: () => import("./accounts/nl.ts"),
    calendar: () => import("./calendar/nl.ts"),
    courses: () => import("./courses/nl.ts"),
    discussion: () => import("./discussion/nl.ts"),
    evaluation: () => import("./evaluation/nl.ts"),
    home: () => import("./home/nl.ts"),
    homePanels: () => import("./home-panels/nl.ts"),
    meetings: () => import("./meetings/nl.ts"),
    networks: () => import("./networks/nl.ts"),
    notifications: () => import("./notifications/nl.ts"),
    organisations: () => import("./organisations/nl.ts"),
    peergroups: () => import("./peergroups/nl.ts"),
    privacy: () => import("./privacy/nl.ts"),
    progress: () => import("./progress/nl.ts"),
    register: () => import("./register/nl.ts"),
    rights: () => import("./rights/nl.ts"),
    search: () => import("./search/nl.ts"),
    sso: () => import("./sso/nl.ts"),
    toolkit: () => import("./toolkit/nl.ts"),
    welcome: () => import("./welcome/nl.ts"),
  },
  en: {
    shell: () => import("./shell/en.ts"),
    accounts: () => import("./accounts/en.ts"),
    calendar: () => import("./calendar/en.ts"),
    courses: () => import("./courses/en.ts"),
    discussion: () => import("./discussion/en.ts"),
    evaluation: () => import("./evaluation/en.ts"),
    home: () => import("./home/en.ts"),
    homePanels: () => import("./home-panels/en.ts"),
    meetings: () => import("./meetings/en.ts"),
    networks: () => import("./networks/en.ts"),
    notifications: () => import("./notifications/en.ts"),
    organisations: () => import("./organisations/en.ts"),
    peergroups: () => import("./peergroups/en.ts"),
    privacy: () => import("./privacy/en.ts"),
    progress: () => import("./progress/en.ts"),
    register: () => import("./register/en.ts"),
    rights: () => import("./rights/en.ts"),
    search: () => import("./search/en.ts"),
    sso: () => import("./sso/en.ts"),
    toolkit: () => import("./toolkit/en.ts"),
    welcome: () => import("./welcome/en.ts"),
  },
};

/** Where a key lives, by its longest prefix ("error.org.team" → "error.org" → organisations). */
const owners: Record<string, Namespace> = {
  agenda: "calendar",
  accessibility: "privacy",
  accountAdmin: "accounts",
  analysis: "toolkit",
  annex: "privacy",
  app: "shell",
  apps: "networks",
  attendance: "meetings",
  buddies: "peergroups",
  certificates: "register",
  certverify: "register",
  common: "shell",
  conversation: "progress",
  course: "courses",
  criteria: "networks",
  dashboard: "evaluation",
  emailChange: "accounts",
  discussion: "discussion",
  "error.400": "shell",
  "error.403": "shell",
  "error.404": "shell",
  "error.413": "shell",
  "error.429": "shell",
  "error.500": "shell",
  "error.analysis": "toolkit",
  "error.assignment": "courses",
  "error.attendance": "meetings",
  "error.backHome": "shell",
  "error.ballot": "evaluation",
  "error.bio": "accounts",
  "error.board": "organisations",
  "error.brin": "organisations",
  "error.buddies": "peergroups",
  "error.case": "peergroups",
  "error.certificate": "register",
  "error.conversation": "progress",
  "error.course": "courses",
  "error.csrf": "shell",
  "error.discussion": "discussion",
  "error.email": "accounts",
  "error.emailChange": "accounts",
  "error.enrol": "networks",
  "error.expertise": "accounts",
  "error.feedback": "courses",
  "error.form": "shell",
  "error.formCount": "shell",
  "error.framework": "evaluation",
  "error.harvest": "evaluation",
  "error.initiative": "toolkit",
  "error.intervision": "peergroups",
  "error.jobFunction": "accounts",
  "error.jobFunctionOther": "accounts",
  "error.kennisweb": "toolkit",
  "error.learningQuestion": "progress",
  "error.leave": "networks",
  "error.loginDomain": "organisations",
  "error.literature": "courses",
  "error.meeting": "meetings",
  "error.method": "peergroups",
  "error.name": "accounts",
  "error.network": "networks",
  "error.newsletter": "toolkit",
  "error.nominate": "networks",
  "error.notifications": "notifications",
  "error.offer": "networks",
  "error.org": "organisations",
  "error.orgKind": "organisations",
  "error.orgName": "organisations",
  "error.organisation": "organisations",
  "error.password": "accounts",
  "error.peer": "peergroups",
  "error.place": "organisations",
  "error.plan": "evaluation",
  "error.poll": "evaluation",
  "error.presentation": "progress",
  "error.professionalTheme": "progress",
  "error.programme": "toolkit",
  "error.region": "organisations",
  "error.register": "register",
  "error.reminder": "calendar",
  "error.role": "networks",
  "error.route": "networks",
  "error.second": "networks",
  "error.sector": "organisations",
  "error.series": "meetings",
  "error.sso": "sso",
  "error.steps": "networks",
  "error.submission": "courses",
  "error.support": "networks",
  "error.survey": "evaluation",
  "error.themeAnalysis": "toolkit",
  "error.tooLong1000": "shell",
  "error.tooLong200": "shell",
  "error.tooLong2000": "shell",
  "error.tooLong4000": "shell",
  "error.tooLong500": "shell",
  "error.tooLong8000": "shell",
  "error.toolkit": "toolkit",
  "error.welcome": "welcome",
  "field.bio": "accounts",
  "field.board": "organisations",
  "field.brin": "organisations",
  "field.email": "accounts",
  "field.expertise": "accounts",
  "field.jobFunction": "accounts",
  "field.jobFunctionOther": "accounts",
  "field.name": "accounts",
  "field.newPassword": "accounts",
  "field.orgName": "organisations",
  "field.organisations": "accounts",
  "field.password": "accounts",
  "field.passwordConfirm": "accounts",
  "field.place": "organisations",
  "field.region": "organisations",
  "field.required": "shell",
  "field.sector": "organisations",
  file: "shell",
  footer: "shell",
  forgot: "accounts",
  framework: "evaluation",
  harvest: "evaluation",
  heldMail: "discussion",
  herreg: "register",
  home: "shell",
  homePanel: "homePanels",
  intervision: "peergroups",
  jobFunction: "accounts",
  kennisweb: "toolkit",
  knows: "toolkit",
  lang: "shell",
  learningQuestion: "progress",
  login: "accounts",
  loginDomains: "sso",
  magic: "accounts",
  map: "toolkit",
  meeting: "meetings",
  method: "peergroups",
  nav: "shell",
  net: "networks",
  newsletter: "toolkit",
  notifications: "notifications",
  org: "organisations",
  outbox: "notifications",
  pageTitle: "shell",
  paging: "shell",
  peer: "peergroups",
  people: "accounts",
  phase: "networks",
  plan: "evaluation",
  poll: "evaluation",
  position: "toolkit",
  practices: "evaluation",
  "practices.title": "shell",
  privacy: "privacy",
  professionalTheme: "progress",
  profile: "accounts",
  programme: "toolkit",
  progress: "progress",
  register: "register",
  "register.done": "accounts",
  "register.haveAccount": "accounts",
  "register.intro": "accounts",
  "register.submit": "accounts",
  "register.title": "accounts",
  reset: "accounts",
  rights: "rights",
  search: "search",
  role: "shell",
  route: "progress",
  selfscan: "evaluation",
  sessions: "accounts",
  slate: "toolkit",
  start: "home",
  sso: "sso",
  status: "shell",
  support: "networks",
  survey: "evaluation",
  theme: "toolkit",
  themeAnalysis: "toolkit",
  toolkit: "toolkit",
  unsubscribe: "discussion",
  welcome: "welcome",
  verify: "accounts",
  workplace: "accounts",
};

export function namespaceOf(key: string): Namespace | undefined {
  for (let prefix = key; prefix; prefix = prefix.slice(0, Math.max(prefix.lastIndexOf("."), 0))) {
    const owner = owners[prefix];
    if (owner) return owner;
  }
  return undefined;
}
