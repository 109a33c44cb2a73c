import { env } from "#app/core/env.server.ts";
import type { Locale } from "#app/i18n/locale.ts";
import type {
  ErasureRule,
  LegalGround,
  ModulePersonalData,
  RegisterText,
} from "#app/platform/personal-data.ts";
import { personalDataRegister } from "./register.server.ts";

/*
 * What the privacy statement (/privacy), the privacybijsluiter (PDF) and the processing
 * agreement's annex say, in one place: the register's declarations plus the facts about this
 * installation (who runs it, its sub-processors, its security measures). Page and PDF render the
 * same sections, so they cannot drift apart.
 */

/** A heading with paragraphs and, optionally, a list. */
export type StatementSection = {
  id: string;
  heading: string;
  paragraphs: string[];
  items?: string[];
  /** a link that belongs to the section (the account page, the PDF) */
  links?: { href: string; label: string }[];
};

type RegisterRow = {
  table: string;
  columns: string[];
  data: string;
  purpose: string;
  legalGround: string;
  source: string;
  retention: string;
  erasure: string;
  erasureNote: string;
};

type RegisterModule = {
  module: string;
  name: string;
  description: string;
  rows: RegisterRow[];
};

type SubProcessor = { name: string; service: string; location: string };

const pick = (text: RegisterText, locale: Locale) => text[locale] || text.nl;

const legalGrounds: Record<LegalGround, RegisterText> = {
  agreement: {
    nl: "Nodig voor de dienst die de school of de persoon vroeg (AVG art. 6 lid 1 sub b)",
    en: "Needed for the service the school or the person asked for (GDPR art. 6(1)(b))",
  },
  "legal-obligation": {
    nl: "Wettelijke verplichting (AVG art. 6 lid 1 sub c)",
    en: "Legal obligation (GDPR art. 6(1)(c))",
  },
  "public-task": {
    nl: "Publieke taak van de school in het onderwijs (AVG art. 6 lid 1 sub e)",
    en: "The school's public task in education (GDPR art. 6(1)(e))",
  },
  "legitimate-interest": {
    nl: "Gerechtvaardigd belang: beveiliging en tegengaan van misbruik (AVG art. 6 lid 1 sub f)",
    en: "Legitimate interest: security and abuse prevention (GDPR art. 6(1)(f))",
  },
  consent: {
    nl: "Toestemming: wat de persoon zelf koos te delen (AVG art. 6 lid 1 sub a)",
    en: "Consent: what the person chose to share (GDPR art. 6(1)(a))",
  },
};

const erasureRules: Record<ErasureRule, RegisterText> = {
  delete: { nl: "verwijderd", en: "deleted" },
  anonymise: { nl: "geanonimiseerd (als “oud-lid”)", en: "anonymised (as “former member”)" },
  keep: { nl: "bewaard", en: "kept" },
};

/** The modules' names as a school's privacy officer reads them. */
const moduleNames: Record<string, RegisterText> = {
  accounts: { nl: "Accounts en profielen", en: "Accounts and profiles" },
  organisations: { nl: "Scholen, besturen en programma's", en: "Schools, boards and programmes" },
  notifications: { nl: "E-mail", en: "E-mail" },
  networks: { nl: "Leernetwerken", en: "Learning networks" },
  memberships: { nl: "Aanmeldingen en wachtlijsten", en: "Enrolments and waiting lists" },
  meetings: { nl: "Bijeenkomsten", en: "Meetings" },
  register: { nl: "Herregistratie en certificaten", en: "Re-registration and certificates" },
  progress: { nl: "Route en voortgang", en: "Route and progress" },
  courses: { nl: "Leergangen", en: "Courses" },
  calendar: { nl: "Agenda en herinneringen", en: "Calendar and reminders" },
  evaluation: { nl: "Evaluatie en peilingen", en: "Evaluation and polls" },
  discussion: { nl: "Discussie tussen bijeenkomsten", en: "Discussion between meetings" },
  peergroups: { nl: "Maatjes en intervisie", en: "Buddies and peer consultation" },
  toolkit: { nl: "De netwerklerende school", en: "The network-learning school" },
};

/**
 * The register as the statement shows it: per module the tables it declares. A module that has
 * declared nothing yet is left out rather than shown empty.
 */
function registerView(
  locale: Locale,
  register: readonly ModulePersonalData[] = personalDataRegister,
): RegisterModule[] {
  return register
    .filter((module) => module.declarations.length > 0)
    .map((module) => ({
      module: module.module,
      name: pick(moduleNames[module.module] ?? { nl: module.module, en: module.module }, locale),
      description: pick(module.description, locale),
      rows: module.declarations.map((d) => ({
        table: d.table,
        columns: [...d.columns],
        data: pick(d.data, locale),
        purpose: pick(d.purpose, locale),
        legalGround: pick(legalGrounds[d.legalGround], locale),
        source: pick(d.source, locale),
        retention: pick(d.retention, locale),
        erasure: pick(erasureRules[d.erasure], locale),
        erasureNote: pick(d.erasureNote, locale),
      })),
    }));
}

/**
 * The sub-processors of this installation. Knooppunt is open source and runs wherever its
 * operator hosts it, so the names cannot be known here: the operator sets PRIVACY_SUBPROCESSORS
 * ("name|service|location;…"). Without it, the statement names the two roles every installation
 * has, honestly marked as to be filled in, rather than inventing a company.
 */
function subProcessors(locale: Locale): SubProcessor[] {
  const configured = env().PRIVACY_SUBPROCESSORS;
  if (configured) {
    return configured
      .split(";")
      .map((entry) => entry.split("|").map((part) => part.trim()))
      .filter(([name]) => name)
      .map(([name = "", service = "", location = ""]) => ({ name, service, location }));
  }
  const unnamed =
    locale === "nl"
      ? "(naam in te vullen door de aanbieder)"
      : "(name to be filled in by the operator)";
  return [
    {
      name: `${locale === "nl" ? "Hostingpartij" : "Hosting provider"} ${unnamed}`,
      service:
        locale === "nl"
          ? "servers, database (met de geüploade bestanden) en back-ups"
          : "servers, database (uploaded files included) and backups",
      location: locale === "nl" ? "Nederland (EU)" : "the Netherlands (EU)",
    },
    {
      name: `${locale === "nl" ? "Mailrelay" : "Mail relay"} ${unnamed}`,
      service:
        locale === "nl" ? "verzenden en ontvangen van e-mail" : "sending and receiving e-mail",
      location: locale === "nl" ? "EU" : "EU",
    },
  ];
}

export function privacyContact() {
  const { PRIVACY_CONTACT_EMAIL, PRIVACY_PROCESSOR_NAME } = env();
  return { email: PRIVACY_CONTACT_EMAIL, processor: PRIVACY_PROCESSOR_NAME };
}

/** What is actually in place, and what depends on the hosting: nothing more is claimed. */
function securityMeasures(locale: Locale): string[] {
  const { SESSION_IDLE_MINUTES, SESSION_MAX_DAYS } = env();
  const idleDays = Math.round(SESSION_IDLE_MINUTES / 60 / 24);
  const nl = [
    "Wachtwoorden worden alleen als argon2id-hash opgeslagen (de OWASP-instellingen); veelgebruikte wachtwoorden worden geweigerd.",
    "Inloggen via de eigen school (SURFconext, Entree Federatie, Microsoft, Google) met OpenID Connect: code flow met PKCE, state en nonce.",
    `Sessies: een willekeurige sleutel in een HttpOnly-cookie (SameSite=Lax, Secure), in de database alleen als hash; een sessie vervalt na ${idleDays} dagen zonder gebruik en uiterlijk na ${SESSION_MAX_DAYS} dagen. Iedereen ziet zijn eigen sessies en kan ze beëindigen.`,
    "Pogingen om in te loggen en mail te laten versturen zijn begrensd per IP-adres en per account.",
    "Elke pagina heeft een Content Security Policy (alleen eigen scripts, met nonce; geen inbedding door andere sites); formulieren van andere sites worden geweigerd.",
    "Toegang per rol: wie iets niet mag zien, krijgt te horen dat het niet bestaat. Vertrouwelijke groepen (intervisie, maatjes) zijn alleen voor hun leden; wie ze opent, wordt vastgelegd.",
    "Inlog-, herstel- en afmeldlinks zijn eenmalig of verlopen, en worden alleen als hash bewaard.",
    "De inhoud van verstuurde mail wordt gewist zodra de mail weg is; alleen aan wie, wat voor mail en of het lukte blijft een beperkte tijd bewaard.",
    "Geüploade bestanden worden op hun echte type gecontroleerd en alleen als download aangeboden.",
    "Versleuteling onderweg (TLS/HTTPS) regelt de aanbieder bij de hosting; Knooppunt zet zijn cookies alleen over HTTPS.",
    "Versleuteling van de opgeslagen gegevens (schijf, database, back-ups) hangt af van de hosting: Knooppunt versleutelt zelf geen kolommen, behalve dat sleutels en tokens alleen als hash bestaan.",
  ];
  const en = [
    "Passwords are stored only as argon2id hashes (OWASP settings); common passwords are refused.",
    "Logging in with the school's account (SURFconext, Entree Federatie, Microsoft, Google) uses OpenID Connect: code flow with PKCE, state and nonce.",
    `Sessions: a random key in an HttpOnly cookie (SameSite=Lax, Secure), stored in the database only as a hash; a session ends after ${idleDays} days unused and after ${SESSION_MAX_DAYS} days at most. Everyone sees their own sessions and can end them.`,
    "Login attempts and mail requests are limited per IP address and per account.",
    "Every page has a Content Security Policy (only our own scripts, with a nonce; no embedding by other sites); forms posted from other sites are refused.",
    "Access by role: whoever may not see something is told it does not exist. Confidential groups (peer consultation, buddies) are for their members only; who opens them is logged.",
    "Login, reset and unsubscribe links are single-use or expire, and are stored only as hashes.",
    "The body of sent mail is wiped as soon as the mail has left; only to whom, what kind and whether it worked is kept for a limited time.",
    "Uploaded files are checked for their real type and only offered as downloads.",
    "Encryption in transit (TLS/HTTPS) is arranged by the operator at the hosting; Knooppunt sends its cookies over HTTPS only.",
    "Encryption of stored data (disk, database, backups) depends on the hosting: Knooppunt does not encrypt columns itself, except that keys and tokens exist only as hashes.",
  ];
  return locale === "nl" ? nl : en;
}

function storage(locale: Locale): string[] {
  const hosting = subProcessors(locale)[0];
  const where = hosting?.location ?? (locale === "nl" ? "de EU" : "the EU");
  return locale === "nl"
    ? [
        `Alle gegevens, ook geüploade bestanden, staan in één PostgreSQL-database bij de hostingpartij, in ${where}. Knooppunt zelf stuurt geen gegevens buiten de EU.`,
        "Knooppunt gebruikt geen analytics, geen trackers, geen advertenties en geen scripts of lettertypen van andere partijen. Er zijn twee cookies: de sessie (om ingelogd te blijven) en de taalkeuze. Daarvoor is geen toestemming nodig.",
      ]
    : [
        `All data, uploaded files included, is in one PostgreSQL database at the hosting provider, in ${where}. Knooppunt itself sends no data outside the EU.`,
        "Knooppunt uses no analytics, trackers or advertising, and no scripts or fonts from other parties. There are two cookies: the session (to stay logged in) and the language choice. Neither needs consent.",
      ];
}

function sources(locale: Locale): string[] {
  return locale === "nl"
    ? [
        "De persoon zelf: account, profiel, aanmeldingen, leervragen, berichten, inzendingen.",
        "De school of het bestuur: bevestiging dat iemand er werkt, rollen als schoolbeheerder.",
        "De identiteitsprovider bij inloggen via de school (SURFconext, Entree Federatie, Microsoft, Google): een vaste sleutel, naam, e-mailadres (als de provider dat geeft), school (domein of BRIN) en functie (affiliation).",
        "Andere deelnemers in hun rol: een begeleider legt aanwezigheid en gesprekken vast, een coördinator besluit over aanvragen.",
      ]
    : [
        "The person themselves: account, profile, enrolments, learning questions, posts, submissions.",
        "The school or board: confirmation that someone works there, roles such as school admin.",
        "The identity provider when logging in with the school (SURFconext, Entree Federatie, Microsoft, Google): a stable key, name, e-mail address (when the provider gives one), school (domain or BRIN) and function (affiliation).",
        "Other participants in their role: a facilitator records attendance and conversations, a coordinator decides on applications.",
      ];
}

function retention(locale: Locale): string[] {
  const days = env().MAIL_RETENTION_DAYS;
  return locale === "nl"
    ? [
        "Per tabel staat de bewaartermijn in het overzicht hieronder. In het algemeen:",
        "Een account blijft bestaan tot de persoon het verwijdert. Een account dat nooit bevestigd is, wordt na 30 dagen gewist; een account dat jaren niet gebruikt is, krijgt eerst een waarschuwing en wordt daarna gewist.",
        `Van verstuurde mail blijft ${days} dagen alleen aan wie, wat voor mail en of het lukte; de inhoud gaat direct na verzending.`,
      ]
    : [
        "The retention per table is in the overview below. In general:",
        "An account exists until the person deletes it. An account never confirmed is erased after 30 days; an account unused for years is first warned and then erased.",
        `Of sent mail only to whom, what kind and whether it worked is kept for ${days} days; the body goes right after sending.`,
      ];
}

function rights(locale: Locale): { paragraphs: string[]; items: string[] } {
  const { email } = privacyContact();
  return locale === "nl"
    ? {
        paragraphs: [
          "Iedereen van wie Knooppunt gegevens heeft, heeft deze rechten. De meeste regelt u zelf; voor de rest mailt u ons of uw school.",
        ],
        items: [
          "Inzage (art. 15) en overdraagbaarheid (art. 20): download alles over u als ZIP op Mijn gegevens.",
          "Correctie (art. 16): pas uw profiel aan; wat een ander vastlegde (bijvoorbeeld aanwezigheid) laat u corrigeren via die persoon of via ons.",
          "Verwijdering (art. 17): verwijder uw account op Mijn gegevens. Elke module past dan haar regel toe (zie het overzicht: verwijderd, geanonimiseerd of bewaard, met de reden).",
          `Beperking en bezwaar (art. 18 en 21): mail ${email}.`,
          "Klacht: bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).",
        ],
      }
    : {
        paragraphs: [
          "Everyone Knooppunt holds data about has these rights. Most you exercise yourself; for the rest, mail us or your school.",
        ],
        items: [
          "Access (art. 15) and portability (art. 20): download everything about you as a ZIP at My data.",
          "Rectification (art. 16): edit your profile; what someone else recorded (attendance, for example) you have corrected through that person or through us.",
          "Erasure (art. 17): delete your account at My data. Each module then applies its rule (see the overview: deleted, anonymised or kept, with the reason).",
          `Restriction and objection (art. 18 and 21): mail ${email}.`,
          "Complaints: to the Dutch Data Protection Authority (autoriteitpersoonsgegevens.nl).",
        ],
      };
}

function responsible(locale: Locale): string[] {
  const { processor } = privacyContact();
  return locale === "nl"
    ? [
        "De school of het schoolbestuur waarvoor iemand Knooppunt gebruikt, is verwerkingsverantwoordelijke voor de gegevens van zijn medewerkers. De organisatie die een leernetwerk of programma organiseert, is dat voor de gegevens van dat netwerk.",
        `${processor} verwerkt de gegevens in hun opdracht, als verwerker, volgens een verwerkersovereenkomst naar het model van het Privacyconvenant Onderwijs. Bijlage 1 daarvan (welke gegevens, van wie, waarvoor, hoe lang, welke subverwerkers) staat hieronder als pagina en PDF; de privacybijsluiter beschrijft het product.`,
        `Wie zich zelf aanmeldt, zonder school, heeft ${processor} als verantwoordelijke voor het eigen account.`,
      ]
    : [
        "The school or school board for which someone uses Knooppunt is the controller of its staff's data. The organisation that runs a learning network or programme is the controller of that network's data.",
        `${processor} processes the data on their behalf, as processor, under a processing agreement after the model of the Dutch education Privacy Covenant (Privacyconvenant Onderwijs). Its annex 1 (which data, about whom, for what, how long, which sub-processors) is below as a page and a PDF; the privacybijsluiter describes the product.`,
        `Someone who signs up on their own, without a school, has ${processor} as controller of their own account.`,
      ];
}

/** The public privacy statement, in the page's language. */
export function privacyStatement(locale: Locale) {
  const { email } = privacyContact();
  const nl = locale === "nl";
  const right = rights(locale);
  const sections: StatementSection[] = [
    {
      id: "verantwoordelijk",
      heading: nl ? "Wie is verantwoordelijk" : "Who is responsible",
      paragraphs: responsible(locale),
      links: [
        {
          href: "/privacy/bijsluiter.pdf",
          label: nl ? "Privacybijsluiter (PDF)" : "Privacybijsluiter (PDF, in Dutch)",
        },
        {
          href: "/privacy/verwerkersovereenkomst-bijlage",
          label: nl
            ? "Bijlage 1 bij de verwerkersovereenkomst"
            : "Annex 1 to the processing agreement (in Dutch)",
        },
      ],
    },
    {
      id: "van-wie",
      heading: nl ? "Van wie de gegevens komen" : "Where the data comes from",
      paragraphs: [],
      items: sources(locale),
    },
    { id: "bewaren", heading: nl ? "Hoe lang" : "How long", paragraphs: retention(locale) },
    {
      id: "rechten",
      heading: nl ? "Uw rechten" : "Your rights",
      paragraphs: right.paragraphs,
      items: right.items,
      links: [{ href: "/account/gegevens", label: nl ? "Mijn gegevens" : "My data" }],
    },
    {
      id: "subverwerkers",
      heading: nl ? "Subverwerkers" : "Sub-processors",
      paragraphs: [
        nl
          ? "Deze partijen verwerken gegevens voor ons. Wij delen geen gegevens met anderen en verkopen niets."
          : "These parties process data for us. We share no data with anyone else and sell nothing.",
      ],
      items: subProcessors(locale).map((s) => `${s.name}: ${s.service} (${s.location})`),
    },
    {
      id: "beveiliging",
      heading: nl ? "Beveiliging" : "Security",
      paragraphs: [],
      items: securityMeasures(locale),
    },
    {
      id: "opslag",
      heading: nl ? "Waar de gegevens staan" : "Where the data is stored",
      paragraphs: storage(locale),
    },
    {
      id: "contact",
      heading: "Contact",
      paragraphs: [
        nl
          ? `Vragen of verzoeken over privacy: ${email}. Bij uw school kunt u ook terecht bij de functionaris gegevensbescherming (FG).`
          : `Questions or requests about privacy: ${email}. At your school you can also turn to the data protection officer (DPO).`,
      ],
    },
  ];
  return { contactEmail: email, sections, modules: registerView(locale) };
}

/** The privacybijsluiter: the Privacyconvenant's model headings, always in Dutch. */
export function bijsluiter() {
  const { email, processor } = privacyContact();
  const modules = registerView("nl");
  const sections: StatementSection[] = [
    {
      id: "algemeen",
      heading: "1. Algemeen: het product",
      paragraphs: [
        `Product: Knooppunt, een platform waarop onderwijsprofessionals leernetwerken en netwerkleren in hun school organiseren. Aanbieder (verwerker): ${processor}. Contact: ${email}.`,
        "Knooppunt is open source. Deze bijsluiter is gemaakt uit het register van persoonsgegevens in de code: wat hier staat, is wat de software declareert.",
      ],
    },
    {
      id: "doel",
      heading: "2. Doel en werking",
      paragraphs: [
        "Knooppunt ondersteunt de professionele ontwikkeling van medewerkers in het onderwijs: leernetwerken, bijeenkomsten, routes en leergangen, herregistratie, discussie, intervisie en de netwerklerende school. Het is bedoeld voor professionals, niet voor leerlingen; gegevens van leerlingen horen er niet in.",
      ],
      items: modules.map((m) => `${m.name}: ${m.description}`),
    },
    {
      id: "gegevens",
      heading: "3. Welke persoonsgegevens, waarvoor en op welke grond",
      paragraphs: [],
      items: modules.flatMap((m) =>
        m.rows.map(
          (r) => `${m.name} – ${r.data}. Doel: ${r.purpose}. Grondslag: ${r.legalGround}.`,
        ),
      ),
    },
    { id: "van-wie", heading: "4. Van wie", paragraphs: [], items: sources("nl") },
    {
      id: "bewaren",
      heading: "5. Bewaartermijnen",
      paragraphs: retention("nl").slice(1),
      items: modules.flatMap((m) =>
        m.rows.map(
          (r) =>
            `${m.name} – ${r.data}: ${r.retention}. Bij verwijderen van het account: ${r.erasure}${r.erasureNote ? ` (${r.erasureNote})` : ""}.`,
        ),
      ),
    },
    {
      id: "subverwerkers",
      heading: "6. Subverwerkers",
      paragraphs: [],
      items: subProcessors("nl").map((s) => `${s.name}: ${s.service} (${s.location})`),
    },
    { id: "beveiliging", heading: "7. Beveiliging", paragraphs: [], items: securityMeasures("nl") },
    { id: "opslag", heading: "8. Waar de gegevens zijn opgeslagen", paragraphs: storage("nl") },
    {
      id: "rechten",
      heading: "9. Rechten van betrokkenen",
      paragraphs: rights("nl").paragraphs,
      items: rights("nl").items,
    },
    {
      id: "contact",
      heading: "10. Contact",
      paragraphs: [
        `Privacyvragen, verzoeken van betrokkenen en meldingen van een (mogelijk) datalek: ${email}. De school blijft verwerkingsverantwoordelijke en wordt bij een datalek zonder onredelijke vertraging geïnformeerd.`,
      ],
    },
  ];
  return { title: "Privacybijsluiter Knooppunt", sections };
}

/** Bijlage 1 of the model processing agreement, filled in from the register; in Dutch. */
export function processingAnnex() {
  const { email, processor } = privacyContact();
  const modules = registerView("nl");
  const sections: StatementSection[] = [
    {
      id: "product",
      heading: "Product en partijen",
      paragraphs: [
        `Product: Knooppunt. Verwerker: ${processor}. Verwerkingsverantwoordelijke: de school of het schoolbestuur dat de overeenkomst sluit. Contact verwerker: ${email}.`,
      ],
    },
    {
      id: "betrokkenen",
      heading: "A. Categorieën betrokkenen",
      paragraphs: [],
      items: [
        "Medewerkers van scholen en besturen: leraren, schoolleiders, bestuurders, ondersteunend personeel.",
        "Begeleiders (penvoerders, facilitatoren, docenten, maatjes) en coördinatoren van programma's.",
        "Mensen die deelnemers zelf noemen: sprekers bij een bijeenkomst, personen in een netwerkanalyse.",
        "Geen leerlingen: Knooppunt is niet bedoeld voor gegevens over leerlingen.",
      ],
    },
    {
      id: "gegevens",
      heading: "B. Categorieën persoonsgegevens",
      paragraphs: [
        "Geen bijzondere persoonsgegevens (art. 9 AVG) en geen BSN; vrije tekst kan ze bevatten als iemand ze zelf intypt.",
      ],
      items: modules.map((m) => `${m.name}: ${[...new Set(m.rows.map((r) => r.data))].join("; ")}`),
    },
    {
      id: "doeleinden",
      heading: "C. Doeleinden",
      paragraphs: [],
      items: modules.map(
        (m) => `${m.name}: ${[...new Set(m.rows.map((r) => r.purpose))].join("; ")}`,
      ),
    },
    {
      id: "bewaartermijnen",
      heading: "D. Bewaartermijnen",
      paragraphs: retention("nl").slice(1),
      items: modules.flatMap((m) => m.rows.map((r) => `${m.name} – ${r.data}: ${r.retention}`)),
    },
    {
      id: "subverwerkers",
      heading: "E. Subverwerkers",
      paragraphs: [],
      items: subProcessors("nl").map((s) => `${s.name}: ${s.service} (${s.location})`),
    },
    {
      id: "beveiliging",
      heading: "F. Beveiligingsmaatregelen (samenvatting; Bijlage 2)",
      paragraphs: [],
      items: securityMeasures("nl"),
    },
  ];
  return {
    title: "Bijlage 1 bij de verwerkersovereenkomst: specificatie persoonsgegevens",
    sections,
  };
}
