import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  authTokens,
  dataExports,
  expertiseTags,
  regions,
  sessions,
  ssoFlows,
  storedFiles,
  userExpertise,
  userIdentities,
  users,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

/** The name an erased account shows wherever others still see its traces (a reply, a count). */
export const erasedName = "Oud-lid";

/** The tombstone's address: unique per account, and `.invalid` can never receive mail (RFC 2606). */
function erasedEmail(userId: string) {
  return `oud-lid-${userId}@knooppunt.invalid`;
}

/** The profile photo's name in the export ZIP (it is stored as WebP). */
const photoName = "profielfoto.webp";

const untilErased = {
  nl: "Zolang het account bestaat. Een account dat niet binnen 30 dagen is bevestigd, of jaren niet is gebruikt (na een waarschuwing), wordt verwijderd.",
  en: "As long as the account exists. An account not confirmed within 30 days, or unused for years (after a warning), is erased.",
};

export const personalData: ModulePersonalData = {
  module: "accounts",
  description: {
    nl: "Het account: wie je bent, hoe je inlogt en je profiel dat andere leden zien.",
    en: "The account: who you are, how you log in and the profile other members see.",
  },
  declarations: [
    {
      table: "users",
      columns: [
        "email",
        "name",
        "password_hash",
        "bio",
        "job_function",
        "job_function_other",
        "pending_email",
        "last_active_at",
        "avatar_file_id",
      ],
      data: {
        nl: "naam, e-mailadres (en een nieuw adres dat nog bevestigd moet worden), wachtwoord (alleen als onleesbare hash), functie, regio, korte introductie, taal, wanneer je voor het laatst actief was, je profielfoto als je er een plaatste (verkleind, zonder de gegevens van je camera of telefoon)",
        en: "name, e-mail address (and a new address awaiting confirmation), password (only as an unreadable hash), job, region, short introduction, language, when you were last active, your profile photo if you added one (resized, without your camera's or phone's data)",
      },
      purpose: {
        nl: "Inloggen, je mail sturen over je netwerken, en andere leden laten zien wie je bent en wat je weet.",
        en: "Logging in, mailing you about your networks, and showing other members who you are and what you know.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: untilErased,
      erasure: "anonymise",
      erasureNote: {
        nl: "De rij blijft als 'Oud-lid' zonder e-mailadres, wachtwoord, functie, regio, introductie of foto (die wordt verwijderd), en kan niet meer inloggen; zo blijven antwoorden waarop anderen reageerden, aanwezigheidstellingen en uitgegeven certificaten kloppen zonder jou te noemen.",
        en: "The row stays as 'Oud-lid' without e-mail address, password, job, region, introduction or photo (which is deleted), and can no longer log in; so replies others answered, attendance counts and issued certificates stay right without naming you.",
      },
    },
    {
      table: "user_expertise",
      columns: ["user_id"],
      data: { nl: "je expertise (trefwoorden)", en: "your expertise (tags)" },
      purpose: {
        nl: "Collega's vinden je op wat je weet (de kennisbank van mensen).",
        en: "Colleagues find you by what you know (the people directory).",
      },
      legalGround: "consent",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: {
        nl: "Tot je ze weghaalt of het account verwijdert.",
        en: "Until you remove them or erase the account.",
      },
      erasure: "delete",
      erasureNote: { nl: "Worden verwijderd.", en: "Deleted." },
    },
    {
      table: "sessions",
      columns: ["user_id", "ip_address", "user_agent", "sso_id_token"],
      data: {
        nl: "ingelogde apparaten: wanneer begonnen en laatst gezien, browser, IP-adres, het ID-token van je schoolaccount",
        en: "signed-in devices: when started and last seen, browser, IP address, your school account's ID token",
      },
      purpose: {
        nl: "Je ingelogd houden, en jou je apparaten laten zien en afmelden; het ID-token alleen om ook bij je school uit te loggen.",
        en: "Keeping you signed in, and letting you see and sign out your devices; the ID token only to also log you out at your school.",
      },
      legalGround: "legitimate-interest",
      source: {
        nl: "je browser en je identiteitsprovider",
        en: "your browser and your identity provider",
      },
      retention: {
        nl: "Tot je uitlogt of de sessie verloopt (na inactiviteit, standaard uiterlijk na 30 dagen).",
        en: "Until you log out or the session expires (after inactivity, by default at most after 30 days).",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Alle sessies eindigen en worden verwijderd.",
        en: "Every session ends and is deleted.",
      },
    },
    {
      table: "auth_tokens",
      columns: ["user_id"],
      data: {
        nl: "links voor bevestigen, inloggen en wachtwoord herstellen (alleen als hash), met doel en tijden",
        en: "links for confirming, logging in and resetting a password (only as a hash), with purpose and times",
      },
      purpose: {
        nl: "Nagaan dat een link uit je eigen mailbox komt.",
        en: "Checking that a link came from your own mailbox.",
      },
      legalGround: "agreement",
      source: { nl: "Knooppunt", en: "Knooppunt" },
      retention: {
        nl: "Tot ze gebruikt of verlopen zijn (minuten tot twee dagen), daarna opgeruimd.",
        en: "Until used or expired (minutes to two days), then cleared.",
      },
      erasure: "delete",
      erasureNote: { nl: "Worden verwijderd.", en: "Deleted." },
    },
    {
      table: "user_identities",
      columns: ["user_id", "subject", "email", "home_organisation"],
      data: {
        nl: "gekoppelde schoolaccounts: de provider, je kenmerk daar, het e-mailadres en de school die de provider noemde, wanneer gekoppeld en laatst gebruikt",
        en: "linked school accounts: the provider, your identifier there, the e-mail address and school the provider named, when linked and last used",
      },
      purpose: {
        nl: "Inloggen met je schoolaccount (SURFconext, Entree, Microsoft, Google) en je school herkennen.",
        en: "Logging in with your school account (SURFconext, Entree, Microsoft, Google) and recognising your school.",
      },
      legalGround: "agreement",
      source: { nl: "de identiteitsprovider van je school", en: "your school's identity provider" },
      retention: {
        nl: "Tot je de koppeling verbreekt of het account verwijdert.",
        en: "Until you unlink it or erase the account.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Koppelingen worden verwijderd; een nieuwe login met dat schoolaccount maakt een nieuw, leeg account.",
        en: "Links are deleted; a new login with that school account makes a new, empty account.",
      },
    },
    {
      table: "sso_flows",
      columns: ["user_id", "claims", "id_token"],
      data: {
        nl: "een login bij je schoolaccount die nog bezig is: wat de provider over je zei (naam, e-mailadres, school, rol)",
        en: "a school-account login under way: what the provider said about you (name, e-mail address, school, role)",
      },
      purpose: {
        nl: "Een login afmaken die nog iets van je nodig heeft (een e-mailadres, een bevestiging).",
        en: "Finishing a login that still needs something from you (an e-mail address, a confirmation).",
      },
      legalGround: "agreement",
      source: { nl: "de identiteitsprovider van je school", en: "your school's identity provider" },
      retention: {
        nl: "Hooguit een half uur, daarna opgeruimd.",
        en: "At most half an hour, then cleared.",
      },
      erasure: "delete",
      erasureNote: { nl: "Worden verwijderd.", en: "Deleted." },
    },
    {
      table: "data_exports",
      columns: ["user_id"],
      data: {
        nl: "je gegevensoverzichten: wanneer gevraagd, de voortgang en het ZIP-bestand met al je gegevens",
        en: "your data exports: when asked, the progress and the ZIP file with all your data",
      },
      purpose: {
        nl: "Je recht op inzage en overdraagbaarheid (AVG art. 15 en 20).",
        en: "Your right of access and portability (GDPR art. 15 and 20).",
      },
      legalGround: "legal-obligation",
      source: { nl: "Knooppunt, op jouw verzoek", en: "Knooppunt, at your request" },
      retention: {
        nl: "Het bestand zeven dagen; daarna worden overzicht en bestand verwijderd.",
        en: "The file seven days; then the export and its file are deleted.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Overzichten en hun bestanden worden verwijderd.",
        en: "Exports and their files are deleted.",
      },
    },
  ],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "accounts",
  async export(db, userId) {
    const [profile] = await db
      .select({
        name: users.name,
        email: users.email,
        pendingEmail: users.pendingEmail,
        emailVerifiedAt: users.emailVerifiedAt,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        jobFunction: users.jobFunction,
        jobFunctionOther: users.jobFunctionOther,
        bio: users.bio,
        region: regions.name,
        locale: users.locale,
        isPlatformAdmin: users.isPlatformAdmin,
        createdAt: users.createdAt,
        lastActiveAt: users.lastActiveAt,
        disabledAt: users.disabledAt,
        avatarFileId: users.avatarFileId,
      })
      .from(users)
      .leftJoin(regions, eq(regions.id, users.regionId))
      .where(eq(users.id, userId));
    const [expertise, identities, signedIn, links, exports] = await Promise.all([
      db
        .select({ name: expertiseTags.name })
        .from(userExpertise)
        .innerJoin(expertiseTags, eq(expertiseTags.id, userExpertise.tagId))
        .where(eq(userExpertise.userId, userId))
        .orderBy(asc(expertiseTags.name)),
      db
        .select({
          provider: userIdentities.provider,
          subject: userIdentities.subject,
          email: userIdentities.email,
          homeOrganisation: userIdentities.homeOrganisation,
          linkedAt: userIdentities.createdAt,
          lastLoginAt: userIdentities.lastLoginAt,
        })
        .from(userIdentities)
        .where(eq(userIdentities.userId, userId))
        .orderBy(asc(userIdentities.createdAt)),
      // The session id and the provider's ID token are keys, not information about the person.
      db
        .select({
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
          device: sessions.userAgent,
          ipAddress: sessions.ipAddress,
          schoolAccount: sessions.ssoProvider,
        })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(desc(sessions.lastSeenAt)),
      db
        .select({
          purpose: authTokens.purpose,
          createdAt: authTokens.createdAt,
          expiresAt: authTokens.expiresAt,
          usedAt: authTokens.usedAt,
        })
        .from(authTokens)
        .where(eq(authTokens.userId, userId))
        .orderBy(desc(authTokens.createdAt)),
      db
        .select({
          status: dataExports.status,
          createdAt: dataExports.createdAt,
          readyAt: dataExports.readyAt,
          expiresAt: dataExports.expiresAt,
        })
        .from(dataExports)
        .where(eq(dataExports.userId, userId))
        .orderBy(desc(dataExports.createdAt)),
    ]);
    const { avatarFileId, ...shownProfile } = profile ?? { avatarFileId: null };
    return {
      data: {
        profile: profile ? { ...shownProfile, photo: avatarFileId ? photoName : null } : null,
        expertise: expertise.map((tag) => tag.name),
        schoolAccounts: identities,
        sessions: signedIn,
        mailedLinks: links,
        dataExports: exports,
      },
      files: avatarFileId ? [{ storedFileId: avatarFileId, name: photoName }] : [],
    };
  },
  async erase(tx, userId) {
    const exportFiles = await tx
      .delete(dataExports)
      .where(eq(dataExports.userId, userId))
      .returning({ fileId: dataExports.fileId });
    const fileIds = exportFiles.map((e) => e.fileId).filter((id): id is string => !!id);
    if (fileIds.length > 0) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
    await tx.delete(ssoFlows).where(eq(ssoFlows.userId, userId));
    await tx.delete(userIdentities).where(eq(userIdentities.userId, userId));
    await tx.delete(authTokens).where(eq(authTokens.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(userExpertise).where(eq(userExpertise.userId, userId));
    const [photo] = await tx
      .select({ fileId: users.avatarFileId })
      .from(users)
      .where(eq(users.id, userId));
    const now = new Date();
    await tx
      .update(users)
      .set({
        name: erasedName,
        email: erasedEmail(userId),
        passwordHash: null,
        emailVerifiedAt: null,
        isPlatformAdmin: false,
        disabledAt: now,
        jobFunction: null,
        jobFunctionOther: null,
        bio: "",
        regionId: null,
        locale: "nl",
        lastActiveAt: now,
        inactivityWarnedAt: null,
        erasedAt: now,
        pendingEmail: null,
        avatarFileId: null,
      })
      .where(eq(users.id, userId));
    if (photo?.fileId) await tx.delete(storedFiles).where(eq(storedFiles.id, photo.fileId));
  },
};
