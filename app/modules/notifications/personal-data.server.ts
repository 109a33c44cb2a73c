import { and, desc, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  dataExports,
  jobs,
  notificationPreferences,
  notifications,
  outbox,
  rateLimits,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

/*
 * The platform's own tables (outbox, stored files, background jobs, rate limits) belong to no
 * module; notifications declares them and applies their rules, since it is the one that shows the
 * outbox to admins.
 */
export const personalData: ModulePersonalData = {
  module: "notifications",
  description: {
    nl: "Mail die Knooppunt verstuurt, geüploade bestanden, geplande taken (herinneringen) en beveiligingstellers.",
    en: "Mail Knooppunt sends, uploaded files, scheduled tasks (reminders) and security counters.",
  },
  declarations: [
    {
      table: "notifications",
      columns: ["user_id", "actor_id", "subject", "link"],
      data: {
        nl: "meldingen aan jou (de bel): wat er gebeurde, wie het deed, de titel waar het over gaat en of je het las",
        en: "notifications to you (the bell): what happened, who did it, the title it is about and whether you read it",
      },
      purpose: {
        nl: "Je laten weten wat er voor jou gebeurde in je netwerken, zoals je dat per soort koos.",
        en: "Letting you know what happened for you in your networks, the way you chose per kind.",
      },
      legalGround: "agreement",
      source: { nl: "Knooppunt, uit wat anderen deden", en: "Knooppunt, from what others did" },
      retention: {
        nl: "Zolang je account bestaat; een melding uit een besloten netwerk dat je verliet, zie je niet meer.",
        en: "As long as your account exists; a notification from a closed network you left is no longer shown.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Je eigen meldingen worden verwijderd. Meldingen aan anderen over wat jij deed blijven bij hen, met 'Oud-lid' als naam.",
        en: "Your own notifications are deleted. Notifications to others about what you did stay with them, naming 'Oud-lid'.",
      },
    },
    {
      table: "notification_preferences",
      columns: ["user_id", "kind", "channel"],
      data: {
        nl: "per soort melding of je die in de app, per mail of allebei wilt",
        en: "per kind of notification whether you want it in the app, by mail or both",
      },
      purpose: {
        nl: "Je meldingen sturen zoals jij dat wilt.",
        en: "Sending your notifications the way you want them.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: { nl: "Zolang je account bestaat.", en: "As long as your account exists." },
      erasure: "delete",
      erasureNote: { nl: "Je keuzes worden verwijderd.", en: "Your choices are deleted." },
    },
    {
      table: "outbox",
      columns: ["to", "subject", "text", "html", "reply_to", "headers"],
      data: {
        nl: "mail aan jou: je e-mailadres, het soort mail, onderwerp en tekst tot de mail verstuurd is, en hoe de bezorging ging",
        en: "mail to you: your e-mail address, the kind of mail, subject and text until it is sent, and how delivery went",
      },
      purpose: {
        nl: "Mail betrouwbaar bezorgen, en beheerders laten nagaan of een mail aankwam (zonder de inhoud te zien).",
        en: "Delivering mail reliably, and letting admins check whether a mail arrived (without seeing its content).",
      },
      legalGround: "agreement",
      source: { nl: "Knooppunt", en: "Knooppunt" },
      retention: {
        nl: "Tekst, antwoordadres en kopregels worden gewist zodra de mail weg is; de bezorggegevens blijven een instelbaar aantal dagen (standaard 30).",
        en: "Text, reply address and headers are wiped once the mail has left; the delivery details stay a configurable number of days (30 by default).",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Verstuurde en nog te versturen mail aan je adres wordt verwijderd; de beheerderslijst van uitgaande mail noemt je niet meer.",
        en: "Sent and pending mail to your address is deleted; the admins' list of outgoing mail no longer names you.",
      },
    },
    {
      table: "stored_files",
      columns: ["uploaded_by", "name", "content"],
      data: {
        nl: "bestanden die je uploadt (bewijsstukken, bijlagen, opdrachten): naam, inhoud, wie ze uploadde",
        en: "files you upload (evidence, attachments, assignments): name, content, who uploaded them",
      },
      purpose: {
        nl: "Het bestand bewaren bij de plek waar je het plaatste; wie het mag zien, bepaalt die plek.",
        en: "Keeping the file with the place you put it; that place decides who may see it.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: {
        nl: "Zolang het bericht, de opdracht of het bewijsstuk bestaat waar het bij hoort.",
        en: "As long as the post, assignment or evidence it belongs to exists.",
      },
      erasure: "anonymise",
      erasureNote: {
        nl: "Elk onderdeel verwijdert je eigen bestanden volgens zijn regel (bewijsstukken, inleveringen, bijlagen van verwijderde berichten); een bestand dat bij gedeelde inhoud blijft, weet daarna niet meer wie het uploadde.",
        en: "Each part deletes your own files by its rule (evidence, submissions, attachments of deleted posts); a file that stays with shared content no longer knows who uploaded it.",
      },
    },
    {
      table: "jobs",
      columns: ["payload"],
      data: {
        nl: "geplande taken over jou: herinneringen aan bijeenkomsten en de herregistratie, het klaarmaken van je gegevensoverzicht",
        en: "scheduled tasks about you: reminders of meetings and re-registration, preparing your data export",
      },
      purpose: {
        nl: "Herinneringen op tijd en precies één keer sturen.",
        en: "Sending reminders on time and exactly once.",
      },
      legalGround: "agreement",
      source: { nl: "Knooppunt", en: "Knooppunt" },
      retention: {
        nl: "Zolang de herinnering nog kan komen; uitgevoerde taken onthouden dat ze gedaan zijn.",
        en: "As long as the reminder may still come; done tasks remember they were done.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Taken over jou worden verwijderd; je krijgt geen herinneringen meer.",
        en: "Tasks about you are deleted; you get no more reminders.",
      },
    },
    {
      table: "rate_limits",
      columns: ["key"],
      data: {
        nl: "tellers van inlogpogingen en verstuurde links, per e-mailadres, per account of per IP-adres",
        en: "counters of login attempts and mailed links, per e-mail address, per account or per IP address",
      },
      purpose: {
        nl: "Wachtwoorden raden en mailbommen tegenhouden.",
        en: "Stopping password guessing and mail bombing.",
      },
      legalGround: "legitimate-interest",
      source: { nl: "je browser", en: "your browser" },
      retention: {
        nl: "Hooguit een dag.",
        en: "At most a day.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Tellers op je e-mailadres of account worden verwijderd; tellers per IP-adres zijn niet aan jou te koppelen en verlopen binnen een dag.",
        en: "Counters on your e-mail address or account are deleted; counters per IP address cannot be tied to you and expire within a day.",
      },
    },
  ],
};

async function addressesOf(db: DbOrTx, userId: string) {
  const [person] = await db
    .select({ email: users.email, pendingEmail: users.pendingEmail })
    .from(users)
    .where(eq(users.id, userId));
  return [person?.email, person?.pendingEmail]
    .filter((a): a is string => !!a)
    .map((a) => a.toLowerCase());
}

/** `_` and `%` are wildcards in LIKE; an address may hold `_`. */
function likeLiteral(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The export ZIPs themselves are not "their uploads"; the export lists what it holds, not itself. */
function notAnExport(userId: string) {
  return notInArray(
    storedFiles.id,
    sql`(select ${dataExports.fileId} from ${dataExports} where ${dataExports.userId} = ${userId} and ${dataExports.fileId} is not null)`,
  );
}

export const personalDataProvider: PersonalDataProvider = {
  module: "notifications",
  async export(db, userId) {
    const addresses = await addressesOf(db, userId);
    const [received, channels, mails, uploads] = await Promise.all([
      // What they were told, with who did it (the actor's current name) and the title.
      db
        .select({
          kind: notifications.kind,
          actor: users.name,
          subject: notifications.subject,
          link: notifications.link,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
        })
        .from(notifications)
        .leftJoin(users, eq(users.id, notifications.actorId))
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt)),
      db
        .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId)),
      // Body and headers are left out: until sent they hold login links that are keys, not data.
      addresses.length > 0
        ? db
            .select({
              to: outbox.to,
              kind: outbox.kind,
              subject: outbox.subject,
              status: outbox.status,
              createdAt: outbox.createdAt,
              sentAt: outbox.sentAt,
            })
            .from(outbox)
            .where(inArray(sql`lower(${outbox.to})`, addresses))
            .orderBy(desc(outbox.createdAt))
        : [],
      // The files themselves come with the part they belong to (bestanden/<part>/); this is the list.
      db
        .select({
          name: storedFiles.name,
          contentType: storedFiles.contentType,
          size: storedFiles.size,
          uploadedAt: storedFiles.createdAt,
        })
        .from(storedFiles)
        .where(and(eq(storedFiles.uploadedBy, userId), notAnExport(userId)))
        .orderBy(desc(storedFiles.createdAt)),
    ]);
    return { data: { notifications: received, notificationPreferences: channels, mails, uploads } };
  },
  async erase(tx, userId) {
    // Notifications to others about what they did keep actor_id: it points to the tombstone
    // account, so those read "Oud-lid".
    await tx.delete(notifications).where(eq(notifications.userId, userId));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    const addresses = await addressesOf(tx, userId);
    if (addresses.length > 0) {
      await tx.delete(outbox).where(inArray(sql`lower(${outbox.to})`, addresses));
    }
    // Login and mail limits are keyed "<rule>:<address as typed>" or "<rule>:<account id>".
    await tx
      .delete(rateLimits)
      .where(
        or(
          ...addresses.map((a) => sql`lower(${rateLimits.key}) like ${`%:${likeLiteral(a)}`}`),
          sql`${rateLimits.key} like ${`%:${userId}`}`,
        ),
      );
    // Reminders carry the person's id; the data export's job carries the export's id.
    await tx
      .delete(jobs)
      .where(
        or(
          sql`${jobs.payload}->>'userId' = ${userId}`,
          sql`${jobs.payload}->>'exportId' in (select ${dataExports.id}::text from ${dataExports} where ${dataExports.userId} = ${userId})`,
        ),
      );
    // Runs after the modules that delete their own files: what is left stays with shared content.
    await tx
      .update(storedFiles)
      .set({ uploadedBy: null })
      .where(eq(storedFiles.uploadedBy, userId));
  },
};
