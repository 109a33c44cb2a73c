// The authorisation matrix, declared. Every route in app/routes.ts has an entry (the spec fails
// on a route without one), tried against the fixtures of every privacy level its parameters can
// take: `open` is the open network Eindverantwoordelijk Schoolleiders (its buddy group, a
// discussion question, an anonymous survey), `closed` the closed network Vrouwelijk Leiderschap 1
// (its confidential intervision group and session, a question in its discussion), `school` the
// toolkit of Baken Trinitas Gymnasium (an initiative, a theme, a network analysis), `person` a
// profile, `unknown` ids and tokens that exist nowhere, `site` a route without parameters.
//
// get: the outcome per role (`default` for every signed-in role not named): 200, 403, 404, 405,
// "login" (a redirect to /inloggen) or "redirect" (elsewhere, e.g. a signed-in person on the
// login page).
// post: per fixture, the roles that `may` act (they are not posted to: the shared fixtures stay
// as the other journeys expect them); every other role must be refused with 403 or 404 (a visitor
// with the login redirect), on every intent the action reads. `only` narrows `may` for an intent.
// `intents` must equal what the route's source reads, so a new intent cannot slip in either.
import { type FixtureSet, type Outcome, type Role, roles } from "./support.ts";

export type Row = { default: Outcome } & Partial<Record<Role, Outcome>>;
type PostRule = { may: readonly Role[]; only?: Record<string, readonly Role[]> };
export interface RouteExpectation {
  get: Row | Partial<Record<FixtureSet, Row>>;
  post: 405 | Partial<Record<FixtureSet, PostRule>>;
  intents?: string[];
}

/** Every role the matrix knows, visitor first. */
const everyone = roles;
const signedIn = everyone.slice(1);

/**
 * Marker strings (support.ts) and the only roles whose pages, and the pages' `.data` loader
 * payloads, may contain them. Every page fetched by any other role is searched for them.
 */
export const markerReaders: Record<string, readonly Role[]> = {
  // Jozef Geurtzen (playing the admin of another school) is in this buddy group.
  buddyNote: ["schoolAdmin"],
  buddyAgreement: ["schoolAdmin"],
  buddyMeeting: ["schoolAdmin"],
  intervisionCase: ["member"],
  intervisionInsight: ["member"],
  // Not the platform admin either: the outgoing mail shows admins only metadata.
  closedTopic: ["member"],
  // The survey's title (never its anonymous answers) is for those who run the network.
  survey: ["facilitator", "coordinator", "admin"],
};

export const expectations: Record<string, RouteExpectation> = {
  "": {
    get: { default: 200 },
    post: {
      // the start page opens one's own survey; nobody's survey is the fixture's
      site: { may: signedIn },
    },
    intents: ["", "open-survey"],
  },
  registreren: {
    get: { visitor: 200, default: "redirect" },
    post: {
      // a signed-in person is sent on to the home page
      site: { may: everyone },
    },
    intents: [""],
  },
  inloggen: {
    get: { visitor: 200, default: "redirect" },
    post: {
      // a signed-in person is sent on to the home page
      site: { may: everyone },
    },
    intents: [""],
  },
  "inloggen/link": {
    get: { default: 200 },
    post: {
      site: { may: everyone },
    },
    intents: [""],
  },
  "inloggen/link/:token": {
    get: {
      unknown: { default: 200 },
    },
    post: {
      unknown: { may: everyone },
    },
    intents: [""],
  },
  // Single sign-on. Without the flow cookie the e-mail step sends everyone back to the login.
  "inloggen/sso/e-mailadres": {
    get: { default: "login" },
    post: {
      site: { may: everyone },
    },
    intents: [""],
  },
  "inloggen/sso/koppelen/:token": {
    get: {
      unknown: { default: 200 },
    },
    post: {
      unknown: { may: everyone },
    },
    intents: [""],
  },
  "inloggen/sso/bevestigen/:id": {
    get: {
      unknown: { default: 200 },
    },
    post: {
      unknown: { may: everyone },
    },
    intents: [""],
  },
  // The matrix knows no provider key: an unknown provider is 404 for everyone, on every intent.
  "inloggen/sso/:provider": {
    get: {
      unknown: { default: 404 },
    },
    post: {
      unknown: { may: [] },
    },
    intents: ["", "link", "reauth"],
  },
  "inloggen/sso/:provider/terug": {
    get: {
      unknown: { default: 404 },
    },
    post: 405,
  },
  uitloggen: {
    get: { default: 404 },
    post: {
      site: { may: everyone },
    },
    intents: [""],
  },
  "e-mail-bevestigen/:token": {
    get: {
      unknown: { default: 200 },
    },
    post: {
      unknown: { may: everyone },
    },
    intents: [""],
  },
  "e-mailadres-wijzigen/:token": {
    get: {
      unknown: { default: 200 },
    },
    post: {
      unknown: { may: everyone },
    },
    intents: [""],
  },
  "wachtwoord-vergeten": {
    get: { default: 200 },
    post: {
      site: { may: everyone },
    },
    intents: [""],
  },
  "wachtwoord-herstellen/:token": {
    get: {
      unknown: { default: 200 },
    },
    post: {
      unknown: { may: everyone },
    },
    intents: [""],
  },
  taal: {
    get: { default: 404 },
    post: {
      site: { may: everyone },
    },
    intents: [""],
  },
  // The welcome after confirming the address: each person's own steps. Nobody in the matrix is
  // in the middle of one, so it sends them on to the start page.
  welkom: {
    get: { visitor: "login", default: "redirect" },
    post: {
      site: { may: signedIn },
    },
    intents: ["", "create-feed", "expertise", "finish", "function", "school", "skip", "skip-all"],
  },
  profiel: {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: ["", "search-school", "remove-photo"],
  },
  // One's own notifications: another's id is a 404 (the module's rule, unit-tested); the
  // fixtures hold none, so each signed-in role only reaches its own.
  meldingen: {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: ["", "open", "read", "read-all"],
  },
  "account/meldingen": {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: [""],
  },
  "account/sessies": {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: ["", "end", "end-all"],
  },
  // Each person's own data: exporting it and deleting the account ("delete" is never posted).
  // Proving it is you through SSO posts to inloggen/sso/:provider (intent "reauth") from this page.
  "account/gegevens": {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: ["", "delete", "export", "reauth"],
  },
  // An export's ZIP is its owner's alone: any other id is a 404, whoever asks.
  "account/gegevens/export/:exportId": {
    get: {
      unknown: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  // Linking posts to inloggen/sso/:provider (intent "link"), read here from this page's form.
  "account/inlogmethoden": {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: ["", "drop-password", "link", "password-mail", "reauth", "unlink"],
  },
  // Proving it is them through a provider posts to inloggen/sso/:provider (intent "reauth").
  "account/e-mailadres": {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: ["", "change-email", "reauth"],
  },
  mensen: {
    get: { visitor: "login", default: 200 },
    post: 405,
  },
  "mensen/:userId": {
    get: {
      person: { visitor: "login", default: 200 },
    },
    post: 405,
  },
  // The site search: for signed-in people (it searches /mensen too). Without words it shows only
  // a hint; what a query finds is decided per module and tested in app/modules/search.
  zoeken: {
    get: { visitor: "login", default: 200 },
    post: 405,
  },
  // The fixture person has no photo: a 404 for everyone signed in (the photo's tests are in
  // accounts/avatar.test.ts and the profile journey).
  "mensen/:userId/foto": {
    get: {
      person: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  organisaties: {
    get: { default: 200 },
    post: 405,
  },
  "organisaties/nieuw": {
    get: { visitor: "login", default: 404, admin: 200 },
    post: {
      site: { may: ["admin"] },
    },
    intents: [""],
  },
  "organisaties/:organisationId": {
    get: {
      school: { default: 200 },
    },
    post: {
      // Naming a colleague's team and deciding on workplace requests: the school's admins.
      school: {
        may: ["ownSchoolAdmin", "admin"],
      },
    },
    intents: ["", "confirm", "decline", "role", "team", "teams"],
  },
  // Which institution domains confirm workplaces here: whoever confirms them by hand.
  "organisaties/:organisationId/inlogdomeinen": {
    get: {
      school: { visitor: "login", default: 403, ownSchoolAdmin: 200, admin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin", "admin"] },
    },
    intents: ["", "add", "remove"],
  },
  "organisaties/:organisationId/bewerken": {
    get: {
      school: { visitor: "login", default: 403, ownSchoolAdmin: 200, admin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin", "admin"] },
    },
    intents: [""],
  },
  netwerken: {
    get: { default: 200 },
    post: 405,
  },
  // The signed-in person's own networks; nobody else's.
  "mijn-netwerken": {
    get: { visitor: "login", default: 200 },
    post: 405,
  },
  "netwerken/nieuw": {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: [""],
  },
  "netwerken/:networkId": {
    get: {
      open: { default: 200 },
      closed: { default: 200 },
    },
    post: {
      open: { may: signedIn, only: { "record-facilitated": ["coordinator", "admin"] } },
      closed: { may: signedIn, only: { "record-facilitated": ["coordinator", "admin"] } },
    },
    intents: ["", "accept", "adopt", "continuation", "leave", "nominate", "record-facilitated"],
  },
  "netwerken/:networkId/bewerken": {
    get: {
      open: { visitor: "login", default: 403, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 403, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "admin"] },
      closed: { may: ["coordinator", "admin"] },
    },
    intents: ["", "phase", "profile"],
  },
  "netwerken/:networkId/routes": {
    get: {
      open: { visitor: "login", default: 403, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 403, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "admin"] },
      closed: { may: ["coordinator", "admin"] },
    },
    intents: ["", "delete-route", "route", "steps"],
  },
  "netwerken/:networkId/aanmelden": {
    get: {
      open: { visitor: "login", default: 200 },
      closed: { visitor: "login", default: 200 },
    },
    post: {
      open: { may: signedIn },
      closed: { may: signedIn },
    },
    intents: [""],
  },
  "netwerken/:networkId/leden": {
    get: {
      open: { visitor: "login", default: 403, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 403, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "admin"] },
      closed: { may: ["coordinator", "admin"] },
    },
    intents: ["", "decide", "role", "second-network"],
  },
  "netwerken/:networkId/ondersteuning": {
    get: {
      open: { visitor: "login", default: 403, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 403, coordinator: 200, admin: 200 },
    },
    post: {
      open: {
        may: ["facilitator", "coordinator", "admin"],
        only: { "": ["facilitator", "admin"] },
      },
      closed: { may: ["coordinator", "admin"], only: { "": ["admin"] } },
    },
    intents: [""],
  },
  "netwerken/:networkId/bijeenkomsten": {
    get: {
      open: {
        visitor: "login",
        default: 404,
        facilitator: 200,
        coordinator: 200,
        schoolAdmin: 200,
        admin: 200,
      },
      closed: { visitor: "login", default: 404, member: 200, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "schoolAdmin", "admin"] },
      closed: { may: ["member", "coordinator", "admin"] },
    },
    intents: [""],
  },
  "netwerken/:networkId/bijeenkomsten/nieuw": {
    get: {
      open: {
        visitor: "login",
        default: 404,
        facilitator: 200,
        coordinator: 200,
        schoolAdmin: 403,
        admin: 200,
      },
      closed: { visitor: "login", default: 404, member: 403, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "admin"] },
      closed: { may: ["coordinator", "admin"] },
    },
    intents: [""],
  },
  "netwerken/:networkId/bijeenkomsten/:meetingId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: ["", "attendance", "case", "delete-case", "next-theme", "preparers", "programme"],
  },
  "netwerken/:networkId/bijeenkomsten/:meetingId/bewerken": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: ["", "cancel", "save"],
  },
  "netwerken/:networkId/bijeenkomsten/:meetingId/agenda.ics": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "netwerken/:networkId/mijn-route": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"], only: { "": [], "confirm-slot": [] } },
      closed: { may: ["member"], only: { "": [], "confirm-slot": [] } },
    },
    intents: ["", "confirm-slot", "presentation"],
  },
  "netwerken/:networkId/voortgang": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 404, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "admin"], only: { step: ["facilitator"] } },
      closed: { may: ["coordinator", "admin"], only: { step: [] } },
    },
    intents: ["", "propose", "step"],
  },
  "netwerken/:networkId/gesprekken/:conversationId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: [""],
  },
  "netwerken/:networkId/leervraag": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"] },
      closed: { may: ["member"] },
    },
    intents: [""],
  },
  "netwerken/:networkId/leervragen": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "netwerken/:networkId/bestanden/:fileId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "netwerken/:networkId/leergang": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"], only: { "remove-literature": [] } },
      closed: { may: ["member"], only: { "remove-literature": [] } },
    },
    intents: ["", "assignment", "literature", "remove-literature", "study-load"],
  },
  "netwerken/:networkId/leergang/opdrachten/:assignmentId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: ["", "feedback", "submit"],
  },
  "netwerken/:networkId/maatjes": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"], only: { dissolve: [] } },
      closed: { may: ["member"], only: { dissolve: [] } },
    },
    intents: ["", "choose", "dissolve", "pair", "suggestion"],
  },
  "netwerken/:networkId/maatjes/:groupId": {
    get: {
      open: { visitor: "login", default: 404, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: ["schoolAdmin"], only: { "agreement-done": [], "agreement-open": [] } },
      closed: { may: [] },
    },
    intents: ["", "agreement", "agreement-done", "agreement-open", "meeting", "note"],
  },
  "netwerken/:networkId/maatjes/:groupId/agenda.ics": {
    get: {
      open: { visitor: "login", default: 404, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "netwerken/:networkId/intervisie": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"] },
      closed: { may: ["member"] },
    },
    intents: [""],
  },
  "netwerken/:networkId/intervisie/:groupId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: [] },
      closed: { may: ["member"] },
    },
    intents: [""],
  },
  "netwerken/:networkId/intervisie/:groupId/sessies/:sessionId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: [] },
      closed: { may: ["member"] },
    },
    intents: ["", "advance", "close", "delete", "note"],
  },
  "netwerken/:networkId/certificaten": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 404, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "admin"], only: { issue: [] } },
      closed: { may: ["coordinator", "admin"], only: { issue: [] } },
    },
    intents: ["", "issue", "revoke"],
  },
  "netwerken/:networkId/discussie": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"] },
      closed: { may: ["member"] },
    },
    intents: ["", "mail", "topic"],
  },
  "netwerken/:networkId/discussie/levendigheid": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 404, coordinator: 200, admin: 200 },
    },
    post: 405,
  },
  "netwerken/:networkId/discussie/bestanden/:fileId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "netwerken/:networkId/discussie/:topicId": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: {
        may: ["facilitator", "schoolAdmin"],
        only: { delete: ["facilitator"], helpful: [], "not-helpful": [] },
      },
      closed: { may: ["member"], only: { helpful: [], "not-helpful": [] } },
    },
    intents: ["", "answer", "delete", "helpful", "not-helpful"],
  },
  // A held e-mail to a network, confirmed by its sender: the token is theirs alone.
  "bericht-bevestigen/:token": {
    get: {
      unknown: { visitor: "login", default: 404 },
    },
    post: {
      unknown: { may: [] },
    },
    intents: ["", "discard", "publish"],
  },
  // A mail's one-click unsubscribe: a token we did not sign is a 404 page for everyone; a POST
  // needs no session (a mail client sends it), so every role "may" — with nothing to stop.
  "afmelden/:token": {
    get: {
      unknown: { default: 404 },
    },
    post: {
      unknown: { may: everyone, only: { "": [], resubscribe: [] } },
    },
    intents: ["", "resubscribe"],
  },
  "uitschrijven/:token": {
    get: {
      unknown: { default: 200 },
    },
    post: {
      unknown: { may: everyone, only: { "": [] } },
    },
    intents: [""],
  },
  "api/inkomende-mail": {
    get: { default: 404 },
    post: {
      site: { may: [] },
    },
    intents: [""],
  },
  herregistratie: {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn, only: { delete: [] } },
    },
    intents: ["", "activity", "catalogue", "delete", "profile", "valuation"],
  },
  "herregistratie/overzicht/:format": {
    get: {
      unknown: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "herregistratie/bewijs/:fileId": {
    get: {
      unknown: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "certificaten/:certificateId/pdf": {
    get: {
      unknown: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "certificaat-controleren": {
    get: { default: 200 },
    post: 405,
  },
  // The privacy statement, its documents and the accessibility statement are public.
  privacy: {
    get: { default: 200 },
    post: 405,
  },
  "privacy/bijsluiter.pdf": {
    get: { default: 200 },
    post: 405,
  },
  "privacy/verwerkersovereenkomst-bijlage": {
    get: { default: 200 },
    post: 405,
  },
  "privacy/verwerkersovereenkomst-bijlage.pdf": {
    get: { default: 200 },
    post: 405,
  },
  toegankelijkheid: {
    get: { default: 200 },
    post: 405,
  },
  "netwerken/:networkId/peilingen": {
    get: {
      open: {
        visitor: "login",
        default: 404,
        facilitator: 200,
        coordinator: 200,
        schoolAdmin: 200,
        admin: 200,
      },
      closed: { visitor: "login", default: 404, member: 200, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "schoolAdmin", "admin"] },
      closed: { may: ["member", "coordinator", "admin"] },
    },
    intents: [""],
  },
  "netwerken/:networkId/vragenlijsten": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 404, coordinator: 200, admin: 200 },
    },
    post: {
      open: { may: ["facilitator", "coordinator", "admin"], only: { remind: [], send: [] } },
      closed: { may: ["coordinator", "admin"], only: { remind: [], send: [] } },
    },
    intents: ["", "create", "remind", "send"],
  },
  "netwerken/:networkId/vragenlijsten/:surveyId": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, coordinator: 200, admin: 200 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "netwerken/:networkId/vragenlijsten/:surveyId/export/:format": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "vragenlijst/:token": {
    get: {
      unknown: { default: 404 },
    },
    post: {
      unknown: { may: [] },
    },
    intents: [""],
  },
  dashboard: {
    get: { visitor: "login", default: 404, coordinator: 200, regional: 200, admin: 200 },
    post: 405,
  },
  "dashboard/xlsx": {
    get: { visitor: "login", default: 404, coordinator: 200, regional: 200, admin: 200 },
    post: 405,
  },
  "netwerken/:networkId/oogst": {
    get: {
      open: {
        visitor: "login",
        default: 404,
        facilitator: 200,
        coordinator: 200,
        schoolAdmin: 200,
        admin: 200,
      },
      closed: { visitor: "login", default: 404, member: 200, coordinator: 200, admin: 200 },
    },
    post: {
      open: {
        may: ["facilitator", "coordinator", "schoolAdmin", "admin"],
        only: { consent: [], publish: [], "school-consent": [] },
      },
      closed: {
        may: ["member", "coordinator", "admin"],
        only: { consent: [], publish: [], "school-consent": [] },
      },
    },
    intents: ["", "consent", "publish", "record", "school-consent"],
  },
  "goede-voorbeelden": {
    get: { default: 200 },
    post: 405,
  },
  "goede-voorbeelden/:practiceId": {
    get: {
      unknown: { default: 404 },
    },
    post: 405,
  },
  "goede-voorbeelden/bestand/:fileId": {
    get: {
      unknown: { default: 404 },
    },
    post: 405,
  },
  zelfscan: {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn, only: { scan: [] } },
    },
    intents: ["", "plan", "scan"],
  },
  "zelfscan/raamwerk": {
    get: { visitor: "login", default: 404, schoolAdmin: 200, ownSchoolAdmin: 200, admin: 200 },
    post: {
      site: { may: ["schoolAdmin", "ownSchoolAdmin", "admin"] },
    },
    intents: [""],
  },
  "netwerken/:networkId/actieplannen": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: 405,
  },
  peilingen: {
    get: { visitor: "login", default: 200 },
    post: 405,
  },
  "peilingen/:pollId": {
    get: {
      unknown: { visitor: "login", default: 404 },
    },
    post: {
      unknown: { may: [] },
    },
    intents: ["", "close", "vote"],
  },
  "organisaties/:organisationId/netwerklerend": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"] },
    },
    intents: ["", "initiative", "theme"],
  },
  "organisaties/:organisationId/netwerklerend/initiatieven/:initiativeId": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"] },
    },
    intents: [
      "",
      "back",
      "complete",
      "help",
      "interest",
      "next",
      "note",
      "pilot",
      "position",
      "reopen",
    ],
  },
  "organisaties/:organisationId/netwerklerend/jaaragenda": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"] },
    },
    intents: ["", "chore", "decide", "meeting", "plan"],
  },
  "organisaties/:organisationId/netwerklerend/schone-lei": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"] },
    },
    intents: [""],
  },
  "organisaties/:organisationId/netwerklerend/wie-weet-wat": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: 405,
  },
  "organisaties/:organisationId/netwerklerend/netwerkanalyses": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"] },
    },
    intents: [""],
  },
  "organisaties/:organisationId/netwerklerend/netwerkanalyses/:analysisId": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"], only: { invite: [], move: [], remove: [] } },
    },
    intents: ["", "ingredients", "invite", "move", "remove", "schakel", "update"],
  },
  "organisaties/:organisationId/netwerklerend/netwerkanalyses/:analysisId/tabel.csv": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: 405,
  },
  // A theme's page is its analysis panel; the programme and the kennisweb are child routes.
  "organisaties/:organisationId/netwerklerend/themas/:themeId": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"] },
    },
    intents: ["", "canvas", "moment"],
  },
  "organisaties/:organisationId/netwerklerend/themas/:themeId/programma": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"], only: { denk: [], doe: [], nieuwsbrief: [] } },
    },
    intents: ["", "activity", "denk", "doe", "newsletter", "nieuwsbrief", "pilot", "programme"],
  },
  "organisaties/:organisationId/netwerklerend/themas/:themeId/kennisweb": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: {
      school: { may: ["ownSchoolAdmin"] },
    },
    intents: ["", "item"],
  },
  "organisaties/:organisationId/netwerklerend/kaart": {
    get: {
      school: { visitor: "login", default: 404, ownSchoolAdmin: 200 },
    },
    post: 405,
  },
  "organisaties/:organisationId/netwerklerend/themas/:themeId/bestanden/:fileId": {
    get: {
      school: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "netwerken/:networkId/netwerklerend": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"] },
      closed: { may: ["member"] },
    },
    intents: ["", "initiative", "theme"],
  },
  "netwerken/:networkId/netwerklerend/initiatieven/:initiativeId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: [
      "",
      "back",
      "complete",
      "help",
      "interest",
      "next",
      "note",
      "pilot",
      "position",
      "reopen",
    ],
  },
  "netwerken/:networkId/netwerklerend/jaaragenda": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"] },
      closed: { may: ["member"] },
    },
    intents: ["", "chore", "decide", "meeting", "plan"],
  },
  "netwerken/:networkId/netwerklerend/schone-lei": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: ["facilitator"] },
      closed: { may: [] },
    },
    intents: [""],
  },
  "netwerken/:networkId/netwerklerend/wie-weet-wat": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: 405,
  },
  "netwerken/:networkId/netwerklerend/netwerkanalyses": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: {
      open: { may: ["facilitator", "schoolAdmin"] },
      closed: { may: ["member"] },
    },
    intents: [""],
  },
  "netwerken/:networkId/netwerklerend/netwerkanalyses/:analysisId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: ["", "ingredients", "invite", "move", "remove", "schakel", "update"],
  },
  "netwerken/:networkId/netwerklerend/netwerkanalyses/:analysisId/tabel.csv": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  // A theme's page is its analysis panel; the programme and the kennisweb are child routes.
  "netwerken/:networkId/netwerklerend/themas/:themeId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: ["", "canvas", "moment"],
  },
  "netwerken/:networkId/netwerklerend/themas/:themeId/programma": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: ["", "activity", "denk", "doe", "newsletter", "nieuwsbrief", "pilot", "programme"],
  },
  "netwerken/:networkId/netwerklerend/themas/:themeId/kennisweb": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: {
      open: { may: [] },
      closed: { may: [] },
    },
    intents: ["", "item"],
  },
  "netwerken/:networkId/netwerklerend/kaart": {
    get: {
      open: { visitor: "login", default: 404, facilitator: 200, schoolAdmin: 200 },
      closed: { visitor: "login", default: 404, member: 200 },
    },
    post: 405,
  },
  "netwerken/:networkId/netwerklerend/themas/:themeId/bestanden/:fileId": {
    get: {
      open: { visitor: "login", default: 404 },
      closed: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  agenda: {
    get: { visitor: "login", default: 200 },
    post: {
      site: { may: signedIn },
    },
    intents: ["", "create-feed", "reminders", "revoke-feed"],
  },
  "agenda/feed/:token": {
    get: {
      unknown: { default: 404 },
    },
    post: 405,
  },
  aanvragen: {
    get: { visitor: "login", default: 404, coordinator: 200, regional: 200, admin: 200 },
    post: 405,
  },
  "aanvragen/:applicationId": {
    get: {
      unknown: { visitor: "login", default: 404 },
    },
    post: {
      unknown: { may: [] },
    },
    intents: [""],
  },
  "beheer/mail": {
    get: { visitor: "login", default: 404, admin: 200 },
    post: 405,
  },
  "beheer/accounts": {
    get: { visitor: "login", default: 404, admin: 200 },
    post: {
      site: { may: ["admin"] },
    },
    intents: ["", "change-email", "disable", "enable", "erase"],
  },
  "beheer/professionaliseringsthemas": {
    get: { visitor: "login", default: 404, admin: 200 },
    post: {
      site: { may: ["admin"] },
    },
    intents: ["", "add", "remove"],
  },
  "beheer/intervisiemethoden": {
    get: { visitor: "login", default: 404, admin: 200 },
    post: {
      site: { may: ["admin"] },
    },
    intents: ["", "archive", "restore", "save"],
  },
  "beheer/mail/:mailId": {
    get: {
      unknown: { visitor: "login", default: 404 },
    },
    post: 405,
  },
  "*": {
    get: { default: 404 },
    post: {
      site: { may: [] },
    },
    intents: [""],
  },
};
