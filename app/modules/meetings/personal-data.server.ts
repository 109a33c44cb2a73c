import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  attendance,
  meetingCases,
  meetingPreparers,
  meetings,
  networkMembers,
  networks,
  users,
} from "#app/db/schema/index.ts";
import { erasedName } from "#app/modules/accounts/personal-data.server.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

const duringNetwork = {
  nl: "Zolang het netwerk bestaat; verdwijnt met het netwerk.",
  en: "As long as the network exists; goes with the network.",
};

export const personalData: ModulePersonalData = {
  module: "meetings",
  description: {
    nl: "Bijeenkomsten van een netwerk: programma, voorbereidingsgroep, casussen en aanwezigheid.",
    en: "A network's meetings: programme, preparation group, cases and attendance.",
  },
  declarations: [
    {
      table: "meetings",
      columns: ["speaker_name", "speaker_invited_by", "speaker_note"],
      data: {
        nl: "naam van de spreker, wie de spreker uitnodigde, notitie over de spreker",
        en: "the speaker's name, who invited the speaker, a note about the speaker",
      },
      purpose: {
        nl: "De bijeenkomst voorbereiden en de leden laten weten wie er spreekt.",
        en: "Preparing the meeting and telling the members who speaks.",
      },
      legalGround: "agreement",
      source: { nl: "de begeleider van het netwerk", en: "the network's facilitator" },
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "Vrije tekst, niet aan een account gekoppeld. Staat er precies de naam van het oud-lid als spreker of uitnodiger in een netwerk waarvan hij lid was, dan wordt die vervangen door 'Oud-lid'; andere vermeldingen past de begeleider op verzoek aan.",
        en: "Free text, not tied to an account. Where it holds exactly the former member's name as speaker or inviter in a network they belonged to, it becomes 'Oud-lid'; other mentions the facilitator edits on request.",
      },
    },
    {
      table: "meeting_preparers",
      columns: ["user_id"],
      data: { nl: "wie een bijeenkomst voorbereidt", en: "who prepares a meeting" },
      purpose: {
        nl: "De voorbereidingsgroep mag het programma bewerken.",
        en: "The preparation group may edit the programme.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf of de begeleider", en: "the person or the facilitator" },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: {
        nl: "De persoon verdwijnt uit de voorbereidingsgroep; de bijeenkomst blijft.",
        en: "The person leaves the preparation group; the meeting stays.",
      },
    },
    {
      table: "meeting_cases",
      columns: ["author_id", "title", "description", "question"],
      data: {
        nl: "een casus uit de eigen praktijk met een vraag aan de groep",
        en: "a case from one's own practice with a question for the group",
      },
      purpose: {
        nl: "De casus bespreken in de bijeenkomst (vertrouwelijk, alleen voor de leden).",
        en: "Discussing the case in the meeting (confidential, members only).",
      },
      legalGround: "consent",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: {
        nl: "Eigen vertrouwelijke casussen worden verwijderd.",
        en: "One's own confidential cases are deleted.",
      },
    },
    {
      table: "attendance",
      columns: ["user_id", "recorded_by", "caught_up_reason"],
      data: {
        nl: "aanwezig, afgemeld of afwezig per bijeenkomst; reden van inhalen",
        en: "present, excused or absent per meeting; why a meeting was caught up",
      },
      purpose: {
        nl: "Aanwezigheid telt voor de voortgang, het bewijs van deelname en de telling van de bijeenkomst.",
        en: "Attendance counts for progress, the certificate of participation and the meeting's count.",
      },
      legalGround: "agreement",
      source: { nl: "de begeleider van het netwerk", en: "the network's facilitator" },
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "De rij blijft staan bij het 'Oud-lid'-account, zodat de telling van de bijeenkomst niet verandert; ze hangt aan het account, niet aan het lidmaatschap, dus het verwijderen van een lidmaatschap raakt haar niet. Wie als begeleider aanwezigheid noteerde, wordt vergeten.",
        en: "The row stays with the 'Oud-lid' account so the meeting's count does not change; it refers to the account, not the membership, so removing a membership does not touch it. Who recorded it as facilitator is forgotten.",
      },
    },
  ],
};

/*
 * Agreement with erasure helper A (memberships): attendance refers to users.id, not to
 * network_members, so whatever memberships does to network_members rows (delete or keep), no
 * attendance row cascades away; the meeting's count stays. Meetings erases before memberships.
 */
export const personalDataProvider: PersonalDataProvider = {
  module: "meetings",
  async export(db, userId) {
    const [prepared, cases, attended] = await Promise.all([
      db
        .select({
          network: networks.name,
          meetingId: meetings.id,
          theme: meetings.theme,
          startsAt: meetings.startsAt,
        })
        .from(meetingPreparers)
        .innerJoin(meetings, eq(meetings.id, meetingPreparers.meetingId))
        .innerJoin(networks, eq(networks.id, meetings.networkId))
        .where(eq(meetingPreparers.userId, userId))
        .orderBy(asc(meetings.startsAt)),
      db
        .select({
          network: networks.name,
          meetingId: meetings.id,
          meetingStartsAt: meetings.startsAt,
          title: meetingCases.title,
          description: meetingCases.description,
          question: meetingCases.question,
          createdAt: meetingCases.createdAt,
        })
        .from(meetingCases)
        .innerJoin(meetings, eq(meetings.id, meetingCases.meetingId))
        .innerJoin(networks, eq(networks.id, meetings.networkId))
        .where(eq(meetingCases.authorId, userId))
        .orderBy(asc(meetingCases.createdAt)),
      db
        .select({
          network: networks.name,
          meetingId: meetings.id,
          theme: meetings.theme,
          startsAt: meetings.startsAt,
          status: attendance.status,
          caughtUpReason: attendance.caughtUpReason,
          recordedAt: attendance.recordedAt,
        })
        .from(attendance)
        .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
        .innerJoin(networks, eq(networks.id, meetings.networkId))
        .where(eq(attendance.userId, userId))
        .orderBy(asc(meetings.startsAt)),
    ]);
    return { data: { preparedMeetings: prepared, cases, attendance: attended } };
  },
  async erase(tx, userId) {
    await tx.delete(meetingPreparers).where(eq(meetingPreparers.userId, userId));
    await tx.delete(meetingCases).where(eq(meetingCases.authorId, userId));
    await tx.update(attendance).set({ recordedBy: null }).where(eq(attendance.recordedBy, userId));
    // The speaker fields are free text: only where they are exactly this person's name, in a
    // network they belonged to (runs before accounts turns the name into "Oud-lid").
    const [person] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    const name = person?.name.trim().toLowerCase();
    if (!name) return;
    const theirNetworks = tx
      .select({ id: networkMembers.networkId })
      .from(networkMembers)
      .where(eq(networkMembers.userId, userId));
    const inTheirNetworks = inArray(meetings.networkId, theirNetworks);
    await tx
      .update(meetings)
      .set({ speakerName: erasedName })
      .where(and(inTheirNetworks, sql`lower(trim(${meetings.speakerName})) = ${name}`));
    await tx
      .update(meetings)
      .set({ speakerInvitedBy: erasedName })
      .where(and(inTheirNetworks, sql`lower(trim(${meetings.speakerInvitedBy})) = ${name}`));
  },
};
