import { asc, eq, inArray } from "drizzle-orm";
import {
  certificates,
  registerActivities,
  registerAudit,
  registerProfiles,
  storedFiles,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

export const personalData: ModulePersonalData = {
  module: "register",
  description: {
    nl: "Je herregistratie als schoolleider: je eigen overzicht van punten voor het Schoolleidersregister PO en de certificaten die netwerken je gaven.",
    en: "Your re-registration as a school leader: your own record of points for the Schoolleidersregister PO and the certificates networks gave you.",
  },
  declarations: [
    {
      table: "register_profiles",
      columns: ["user_id"],
      data: {
        nl: "de start en lengte van je registratieperiode",
        en: "the start and length of your registration cycle",
      },
      purpose: {
        nl: "Uitrekenen hoeveel punten je nog nodig hebt en wanneer, en je op tijd herinneren.",
        en: "Working out how many points you still need and by when, and reminding you in time.",
      },
      legalGround: "consent",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: {
        nl: "Tot je het overzicht niet meer gebruikt en het account verwijdert.",
        en: "Until you stop using the record and erase the account.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Wordt verwijderd. Knooppunt is niet het Schoolleidersregister: je officiële registratie staat daar en verandert niet.",
        en: "Deleted. Knooppunt is not the Schoolleidersregister: your official registration is kept there and does not change.",
      },
    },
    {
      table: "register_activities",
      columns: ["user_id", "title", "evidence"],
      data: {
        nl: "je activiteiten met punten: titel, aanbieder, leervorm, data, uren, punten, thema's, je onderbouwing en bewijsstuk",
        en: "your activities with points: title, provider, form of learning, dates, hours, points, themes, your justification and evidence",
      },
      purpose: {
        nl: "Je eigen overzicht voor de herregistratie, om in te dienen bij het Schoolleidersregister.",
        en: "Your own record for re-registration, to submit to the Schoolleidersregister.",
      },
      legalGround: "consent",
      source: {
        nl: "de persoon zelf, of het netwerk bij een afgeronde route",
        en: "the person, or the network for a completed route",
      },
      retention: {
        nl: "Tot je een activiteit verwijdert of het account verwijdert.",
        en: "Until you delete an activity or erase the account.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Activiteiten en bewijsstukken worden verwijderd; download je overzicht (PDF of Excel) of je gegevens eerst als je ze wilt houden. Wat je al bij het Schoolleidersregister indiende, blijft daar.",
        en: "Activities and evidence are deleted; download your record (PDF or Excel) or your data first if you want to keep them. What you already submitted to the Schoolleidersregister stays there.",
      },
    },
    {
      table: "certificates",
      columns: ["user_id", "member_id", "participant_name"],
      data: {
        nl: "certificaten van een afgeronde route: je naam zoals gedrukt, netwerk, route, aanbieder, data, uren, punten, thema's en de controlecode",
        en: "certificates of a completed route: your name as printed, network, route, provider, dates, hours, points, themes and the verification code",
      },
      purpose: {
        nl: "Bewijs van deelname dat iedereen met de code kan controleren, zoals het Schoolleidersregister.",
        en: "Proof of participation anyone with the code can check, such as the Schoolleidersregister.",
      },
      legalGround: "legal-obligation",
      source: { nl: "de aanbieder van het netwerk", en: "the network's provider" },
      retention: {
        nl: "Blijvend: een uitgegeven certificaat moet controleerbaar blijven.",
        en: "Permanently: an issued certificate must stay verifiable.",
      },
      erasure: "keep",
      erasureNote: {
        nl: "Uitgegeven certificaten blijven controleerbaar met precies wat erop staat, ook je naam zoals gedrukt, want je kunt ze al hebben ingediend of doorgegeven. Ze hangen niet meer aan je lidmaatschap of account-gegevens, en niemand kan ze zonder de code vinden.",
        en: "Issued certificates stay verifiable with exactly what they say, your printed name included, because you may already have submitted or passed them on. They no longer hang on your membership or account details, and nobody finds them without the code.",
      },
    },
    {
      table: "register_audit",
      columns: ["user_id", "actor_id"],
      data: {
        nl: "wie anders dan jij je overzicht veranderde (een aanbieder die een certificaat gaf of introk), zonder inhoud",
        en: "who other than you changed your record (a provider issuing or revoking a certificate), without content",
      },
      purpose: {
        nl: "Nagaan wie punten in je overzicht zette of weghaalde.",
        en: "Tracing who put points into your record or took them out.",
      },
      legalGround: "legitimate-interest",
      source: { nl: "Knooppunt", en: "Knooppunt" },
      retention: {
        nl: "Zolang je overzicht bestaat.",
        en: "As long as your record exists.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Het logboek van je overzicht gaat met het overzicht. Gaf of introk je zelf certificaten van anderen, dan blijft dat in hun logboek staan zonder jouw naam.",
        en: "Your record's log goes with the record. Where you issued or revoked others' certificates, that stays in their log without your name.",
      },
    },
  ],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "register",
  async export(db, userId) {
    const [[profile], activities, issued, log] = await Promise.all([
      db
        .select({
          cycleStart: registerProfiles.cycleStart,
          cycleYears: registerProfiles.cycleYears,
          updatedAt: registerProfiles.updatedAt,
        })
        .from(registerProfiles)
        .where(eq(registerProfiles.userId, userId)),
      db
        .select({
          source: registerActivities.source,
          title: registerActivities.title,
          provider: registerActivities.provider,
          learningForm: registerActivities.learningForm,
          startDate: registerActivities.startDate,
          endDate: registerActivities.endDate,
          hours: registerActivities.hours,
          points: registerActivities.points,
          themes: registerActivities.themes,
          evidence: registerActivities.evidence,
          evidenceFileId: registerActivities.evidenceFileId,
          evidenceFile: storedFiles.name,
          certificate: certificates.code,
          createdAt: registerActivities.createdAt,
        })
        .from(registerActivities)
        .leftJoin(storedFiles, eq(storedFiles.id, registerActivities.evidenceFileId))
        .leftJoin(certificates, eq(certificates.id, registerActivities.certificateId))
        .where(eq(registerActivities.userId, userId))
        .orderBy(asc(registerActivities.endDate), asc(registerActivities.createdAt)),
      db
        .select({
          code: certificates.code,
          participantName: certificates.participantName,
          title: certificates.title,
          routeName: certificates.routeName,
          provider: certificates.provider,
          startDate: certificates.startDate,
          endDate: certificates.endDate,
          hours: certificates.hours,
          points: certificates.points,
          themes: certificates.themes,
          issuedAt: certificates.issuedAt,
          revokedAt: certificates.revokedAt,
          revokedReason: certificates.revokedReason,
        })
        .from(certificates)
        .where(eq(certificates.userId, userId))
        .orderBy(asc(certificates.issuedAt)),
      db
        .select({
          action: registerAudit.action,
          certificate: certificates.code,
          at: registerAudit.createdAt,
        })
        .from(registerAudit)
        .leftJoin(certificates, eq(certificates.id, registerAudit.certificateId))
        .where(eq(registerAudit.userId, userId))
        .orderBy(asc(registerAudit.createdAt)),
    ]);
    return {
      data: {
        profile: profile ?? null,
        activities: activities.map(({ evidenceFileId: _, ...activity }) => activity),
        certificates: issued,
        changesByOthers: log,
      },
      files: activities.flatMap((a) =>
        a.evidenceFileId && a.evidenceFile
          ? [{ storedFileId: a.evidenceFileId, name: a.evidenceFile }]
          : [],
      ),
    };
  },
  async erase(tx, userId) {
    // The Schoolleidersregister is the official register; this is the person's own bookkeeping,
    // so it goes with its evidence. Issued certificates stay (see the declaration).
    const removed = await tx
      .delete(registerActivities)
      .where(eq(registerActivities.userId, userId))
      .returning({ fileId: registerActivities.evidenceFileId });
    const fileIds = removed.map((r) => r.fileId).filter((id): id is string => !!id);
    if (fileIds.length > 0) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
    await tx.delete(registerProfiles).where(eq(registerProfiles.userId, userId));
    await tx.delete(registerAudit).where(eq(registerAudit.userId, userId));
    await tx.update(registerAudit).set({ actorId: null }).where(eq(registerAudit.actorId, userId));
    // The certificate keeps what it printed; it no longer points at their membership.
    await tx.update(certificates).set({ memberId: null }).where(eq(certificates.userId, userId));
  },
};
