import { asc, eq } from "drizzle-orm";
import { calendarSettings, remindersSent } from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

export const personalData: ModulePersonalData = {
  module: "calendar",
  description: {
    nl: "Je agenda: de geheime agenda-link voor je eigen agenda-app en wanneer je herinneringen wilt.",
    en: "Your calendar: the secret calendar link for your own calendar app and when you want reminders.",
  },
  declarations: [
    {
      table: "calendar_settings",
      columns: ["user_id"],
      data: {
        nl: "hoeveel uur vooraf je een herinnering wilt, en of je een agenda-link hebt (het geheim alleen als onleesbare hash)",
        en: "how many hours ahead you want a reminder, and whether you have a calendar link (the secret only as an unreadable hash)",
      },
      purpose: {
        nl: "Je bijeenkomsten, gesprekken en deadlines in je eigen agenda zetten en je op tijd herinneren.",
        en: "Putting your meetings, conversations and deadlines in your own calendar and reminding you in time.",
      },
      legalGround: "consent",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: {
        nl: "Tot je de link intrekt of de instelling wijzigt, of het account wordt verwijderd.",
        en: "Until you revoke the link or change the setting, or the account is erased.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Instellingen en agenda-link worden verwijderd; de link werkt meteen niet meer.",
        en: "Settings and calendar link are deleted; the link stops working at once.",
      },
    },
    {
      table: "reminders_sent",
      columns: ["user_id"],
      data: {
        nl: "welke herinneringen je al kreeg en wanneer",
        en: "which reminders you already got and when",
      },
      purpose: {
        nl: "Een herinnering nooit twee keer sturen.",
        en: "Never sending a reminder twice.",
      },
      legalGround: "agreement",
      source: { nl: "Knooppunt", en: "Knooppunt" },
      retention: {
        nl: "Zolang de herinnering ertoe doet.",
        en: "As long as the reminder matters.",
      },
      erasure: "delete",
      erasureNote: { nl: "Worden verwijderd.", en: "Deleted." },
    },
  ],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "calendar",
  async export(db, userId) {
    const [[settings], sent] = await Promise.all([
      db.select().from(calendarSettings).where(eq(calendarSettings.userId, userId)),
      db
        .select({ subject: remindersSent.subject, sentAt: remindersSent.sentAt })
        .from(remindersSent)
        .where(eq(remindersSent.userId, userId))
        .orderBy(asc(remindersSent.sentAt)),
    ]);
    return {
      data: {
        // The feed's secret is a key, not information about the person: only whether there is one.
        settings: settings
          ? {
              meetingReminderHours: settings.meetingReminderHours,
              dueReminderHours: settings.dueReminderHours,
              calendarLink: !!settings.feedTokenHash,
              calendarLinkCreatedAt: settings.feedCreatedAt,
            }
          : null,
        remindersSent: sent,
      },
    };
  },
  async erase(tx, userId) {
    await tx.delete(calendarSettings).where(eq(calendarSettings.userId, userId));
    await tx.delete(remindersSent).where(eq(remindersSent.userId, userId));
  },
};
