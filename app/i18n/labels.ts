import type { MessageKey } from "./catalogues/index.ts";

// Labels for values (a state, a kind, a role): the key of each value written out, so the type
// checker knows every key and a value without a text is a type error where it is shown.

export const agendaKindLabel = {
  meeting: "agenda.kind.meeting",
  conversation: "agenda.kind.conversation",
  due: "agenda.kind.due",
  buddy: "agenda.kind.buddy",
} as const satisfies Record<string, MessageKey>;

export const agendaReminderLabel = {
  "2": "agenda.reminders.h2",
  "24": "agenda.reminders.h24",
  "48": "agenda.reminders.h48",
  "168": "agenda.reminders.h168",
} as const satisfies Record<string, MessageKey>;

export const agendaYearColLabel = {
  plannen: "agenda.year.col.plannen",
  informeren: "agenda.year.col.informeren",
  ervaringen: "agenda.year.col.ervaringen",
  regelwerk: "agenda.year.col.regelwerk",
} as const satisfies Record<string, MessageKey>;

export const agendaYearShortLabel = {
  plannen: "agenda.year.short.plannen",
  informeren: "agenda.year.short.informeren",
  ervaringen: "agenda.year.short.ervaringen",
} as const satisfies Record<string, MessageKey>;

export const analysisCategoryLabel = {
  idee: "analysis.category.idee",
  gedachte: "analysis.category.gedachte",
  middel: "analysis.category.middel",
  persoon: "analysis.category.persoon",
  gebouw: "analysis.category.gebouw",
  software: "analysis.category.software",
  instantie: "analysis.category.instantie",
  beeld: "analysis.category.beeld",
  anders: "analysis.category.anders",
} as const satisfies Record<string, MessageKey>;

export const analysisKindLabel = {
  ingredient: "analysis.kind.ingredient",
  schakel: "analysis.kind.schakel",
} as const satisfies Record<string, MessageKey>;

export const appsPurposeLabel = {
  facilitation: "apps.purpose.facilitation",
  speakers: "apps.purpose.speakers",
  organisation: "apps.purpose.organisation",
} as const satisfies Record<string, MessageKey>;

export const attendanceLabel = {
  present: "attendance.present",
  excused: "attendance.excused",
  absent: "attendance.absent",
} as const satisfies Record<string, MessageKey>;

export const certificatesStandingLabel = {
  completed: "certificates.standing.completed",
  "on-track": "certificates.standing.on-track",
  behind: "certificates.standing.behind",
} as const satisfies Record<string, MessageKey>;

export const conversationKindLabel = {
  intake: "conversation.kind.intake",
  development: "conversation.kind.development",
  closing: "conversation.kind.closing",
} as const satisfies Record<string, MessageKey>;

export const conversationStatusLabel = {
  proposed: "conversation.status.proposed",
  confirmed: "conversation.status.confirmed",
  held: "conversation.status.held",
} as const satisfies Record<string, MessageKey>;

export const courseFeedbackLabel = {
  teacher: "course.feedback.teacher",
  buddy: "course.feedback.buddy",
  none: "course.feedback.none",
  give: "course.feedback.give",
  save: "course.feedback.save",
  saved: "course.feedback.saved",
} as const satisfies Record<string, MessageKey>;

export const courseLiteratureLabel = {
  required: "course.literature.required",
  additional: "course.literature.additional",
  none: "course.literature.none",
  remove: "course.literature.remove",
  citation: "course.literature.citation",
  isRequired: "course.literature.isRequired",
  add: "course.literature.add",
} as const satisfies Record<string, MessageKey>;

export const discussionModeLabel = {
  each: "discussion.mode.each",
  daily: "discussion.mode.daily",
  weekly: "discussion.mode.weekly",
  none: "discussion.mode.none",
} as const satisfies Record<string, MessageKey>;

export const jobFunctionName = {
  schoolleider: "jobFunction.schoolleider",
  teamleider: "jobFunction.teamleider",
  afdelingsleider: "jobFunction.afdelingsleider",
  leraar: "jobFunction.leraar",
  "intern-begeleider": "jobFunction.intern-begeleider",
  hr: "jobFunction.hr",
  bestuurder: "jobFunction.bestuurder",
  anders: "jobFunction.anders",
  choose: "jobFunction.choose",
} as const satisfies Record<string, MessageKey>;

export const kenniswebKindLabel = {
  verhaal: "kennisweb.kind.verhaal",
  uitspraak: "kennisweb.kind.uitspraak",
  activiteit: "kennisweb.kind.activiteit",
  voorbeeld: "kennisweb.kind.voorbeeld",
  document: "kennisweb.kind.document",
  link: "kennisweb.kind.link",
} as const satisfies Record<string, MessageKey>;

export const knowsKindLabel = {
  person: "knows.kind.person",
  initiative: "knows.kind.initiative",
  theme: "knows.kind.theme",
} as const satisfies Record<string, MessageKey>;

export const mapKindLabel = {
  theme: "map.kind.theme",
  initiative: "map.kind.initiative",
  person: "map.kind.person",
  tag: "map.kind.tag",
} as const satisfies Record<string, MessageKey>;

export const mapLinkLabel = {
  i: "map.link.i",
  p: "map.link.p",
  s: "map.link.s",
  l: "map.link.l",
  g: "map.link.g",
  schakel: "map.link.schakel",
  knows: "map.link.knows",
  theme: "map.link.theme",
} as const satisfies Record<string, MessageKey>;

export const netContinuationLabel = {
  continues: "net.continuation.continues",
  stops: "net.continuation.stops",
  intends: "net.continuation.intends",
  save: "net.continuation.save",
  current: "net.continuation.current",
  who: "net.continuation.who",
} as const satisfies Record<string, MessageKey>;

export const netFormLabel = {
  online: "net.form.online",
  location: "net.form.location",
  mixed: "net.form.mixed",
} as const satisfies Record<string, MessageKey>;

export const netJoinModeLabel = {
  direct: "net.joinMode.direct",
  nomination: "net.joinMode.nomination",
} as const satisfies Record<string, MessageKey>;

export const netMembersColLabel = {
  name: "net.members.col.name",
  role: "net.members.col.role",
  status: "net.members.col.status",
  route: "net.members.col.route",
  price: "net.members.col.price",
  school: "net.members.col.school",
  joined: "net.members.col.joined",
  left: "net.members.col.left",
} as const satisfies Record<string, MessageKey>;

export const netStateLabel = {
  open: "net.state.open",
  closed: "net.state.closed",
  "in-formation": "net.state.in-formation",
  ended: "net.state.ended",
  active: "net.state.active",
} as const satisfies Record<string, MessageKey>;

export const orgKindLabel = {
  school: "org.kind.school",
  board: "org.kind.board",
} as const satisfies Record<string, MessageKey>;

export const outboxStatusLabel = {
  pending: "outbox.status.pending",
  sent: "outbox.status.sent",
  failed: "outbox.status.failed",
} as const satisfies Record<string, MessageKey>;

export const phaseHint = {
  zaaien: "phase.zaaien.hint",
  cultiveren: "phase.cultiveren.hint",
  oogsten: "phase.oogsten.hint",
} as const satisfies Record<string, MessageKey>;

export const phaseLabel = {
  zaaien: "phase.zaaien",
  cultiveren: "phase.cultiveren",
  oogsten: "phase.oogsten",
} as const satisfies Record<string, MessageKey>;

export const planSharedWithLabel = {
  nobody: "plan.sharedWith.nobody",
  buddy: "plan.sharedWith.buddy",
  facilitator: "plan.sharedWith.facilitator",
} as const satisfies Record<string, MessageKey>;

export const pollPlaceLabel = {
  first: "poll.place.first",
  second: "poll.place.second",
  third: "poll.place.third",
} as const satisfies Record<string, MessageKey>;

export const positionLabel = {
  i: "position.i",
  p: "position.p",
  s: "position.s",
  l: "position.l",
  g: "position.g",
  none: "position.none",
} as const satisfies Record<string, MessageKey>;

export const programmeActivityLabel = {
  "thema-benoemd": "programme.activity.thema-benoemd",
  "analyse-gemaakt": "programme.activity.analyse-gemaakt",
  "gesprek-op-gang": "programme.activity.gesprek-op-gang",
  "netwerken-geanalyseerd": "programme.activity.netwerken-geanalyseerd",
  "voorbeelden-gevonden": "programme.activity.voorbeelden-gevonden",
  media: "programme.activity.media",
  programmalijn: "programme.activity.programmalijn",
  ontmoetingsmomenten: "programme.activity.ontmoetingsmomenten",
  manifestatie: "programme.activity.manifestatie",
} as const satisfies Record<string, MessageKey>;

export const programmeGroupLabel = {
  denk: "programme.group.denk",
  doe: "programme.group.doe",
  nieuwsbrief: "programme.group.nieuwsbrief",
} as const satisfies Record<string, MessageKey>;

export const programmeJoinLabel = {
  denk: "programme.join.denk",
  doe: "programme.join.doe",
  nieuwsbrief: "programme.join.nieuwsbrief",
} as const satisfies Record<string, MessageKey>;

export const programmeLeaveLabel = {
  denk: "programme.leave.denk",
  doe: "programme.leave.doe",
  nieuwsbrief: "programme.leave.nieuwsbrief",
} as const satisfies Record<string, MessageKey>;

export const registerFormLabel = {
  formal: "register.form.formal",
  "non-formal": "register.form.non-formal",
  informal: "register.form.informal",
} as const satisfies Record<string, MessageKey>;

export const registerSourceLabel = {
  route: "register.source.route",
  external: "register.source.external",
  valuation: "register.source.valuation",
  catalogue: "register.source.catalogue",
} as const satisfies Record<string, MessageKey>;

export const registerStatusLabel = {
  geregistreerd: "register.status.geregistreerd",
  "herregistratie-nodig": "register.status.herregistratie-nodig",
  "onder-voorwaarden": "register.status.onder-voorwaarden",
  verlopen: "register.status.verlopen",
} as const satisfies Record<string, MessageKey>;

export const roleLabel = {
  "platform-admin": "role.platform-admin",
  "organisation-admin": "role.organisation-admin",
  "programme-coordinator": "role.programme-coordinator",
  penvoerder: "role.penvoerder",
  facilitator: "role.facilitator",
  deelnemer: "role.deelnemer",
} as const satisfies Record<string, MessageKey>;

export const statusLabel = {
  active: "status.active",
  nominated: "status.nominated",
  "awaiting-intake": "status.awaiting-intake",
  declined: "status.declined",
  left: "status.left",
  waiting: "status.waiting",
  offered: "status.offered",
} as const satisfies Record<string, MessageKey>;

export const supportSourceLabel = {
  computed: "support.source.computed",
  declared: "support.source.declared",
} as const satisfies Record<string, MessageKey>;

export const supportStatusLabel = {
  submitted: "support.status.submitted",
  approved: "support.status.approved",
  declined: "support.status.declined",
} as const satisfies Record<string, MessageKey>;

export const surveyKindLabel = {
  baseline: "survey.kind.baseline",
  "follow-up": "survey.kind.follow-up",
  closing: "survey.kind.closing",
} as const satisfies Record<string, MessageKey>;

export const themeKindLabel = {
  jaarthema: "theme.kind.jaarthema",
  vast: "theme.kind.vast",
  tijdelijk: "theme.kind.tijdelijk",
} as const satisfies Record<string, MessageKey>;

export const toolkitKindLabel = {
  interest: "toolkit.kind.interest",
  help: "toolkit.kind.help",
  pilot: "toolkit.kind.pilot",
} as const satisfies Record<string, MessageKey>;

export const workplaceLabel = {
  requested: "workplace.requested",
  confirmed: "workplace.confirmed",
  myRequest: "workplace.myRequest",
} as const satisfies Record<string, MessageKey>;

/**
 * For a value the type checker knows only as a string (a text column): its label. A value
 * without a label is a bug in the data; it shows the general sentence, as an unknown key did.
 */
export function labelFor<M extends Record<string, MessageKey>>(map: M, value: string): MessageKey {
  return Object.hasOwn(map, value) ? (map[value] as MessageKey) : "error.form";
}
