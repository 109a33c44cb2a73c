import { and, eq, isNull } from "drizzle-orm";
import { publicBaseUrl } from "#app/core/env.server.ts";
import type { DbOrTx } from "#app/db/client.server.ts";
import { registerProfiles, users } from "#app/db/schema/index.ts";
import { formatDate } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import { type JobHandler, scheduleJobOnce } from "#app/platform/jobs.server.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { cycleOf, reminderMoments } from "./cycle.ts";
import { getMyRegister, todayInAmsterdam } from "./ledger.server.ts";

/** Reminders at 12, 6 and 3 months before the date and during "onder voorwaarden", when points are short. */
export async function planRegisterReminders(db: DbOrTx, now = new Date()) {
  const today = todayInAmsterdam(now);
  const profiles = await db.select().from(registerProfiles);
  let scheduled = 0;
  for (const profile of profiles) {
    const cycle = cycleOf(profile.cycleStart, profile.cycleYears);
    for (const moment of reminderMoments(cycle)) {
      // Only the moment that is due now (or within the last week): no backlog of old reminders.
      if (
        moment.day > today ||
        moment.day < todayInAmsterdam(new Date(now.getTime() - 7 * 86_400_000))
      )
        continue;
      if (
        await scheduleJobOnce(db, {
          kind: "register-reminder",
          key: `register:${profile.userId}:${cycle.due}:${moment.key}`,
          payload: { userId: profile.userId, moment: moment.key },
          runAt: now,
        })
      )
        scheduled++;
    }
  }
  return scheduled;
}

const sendRegisterReminder: JobHandler = async (db, payload) => {
  const userId = String(payload.userId);
  const [user] = await db
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return;
  const actor = { userId, name: user.name, email: user.email, isPlatformAdmin: false, grants: [] };
  const register = await getMyRegister(db, actor);
  if (!register.cycle || register.needed === 0) return;
  const baseUrl = publicBaseUrl();
  const locale = parseLocale(user.locale);
  await sendTemplatedMail(db, user, "mail.registerReminder", {
    name: user.name,
    points: String(register.points),
    needed: String(register.needed),
    due: formatDate(register.cycle.due, locale),
    link: `${baseUrl}/herregistratie`,
  });
};

export const registerJobHandlers: Record<string, JobHandler> = {
  "register-reminder": sendRegisterReminder,
};
