import { z } from "zod";

/** Hours before a meeting or a due date that a reminder goes out; "" is none. */
export const reminderChoices = ["", "2", "24", "48", "168"] as const;

const hoursField = z
  .enum(reminderChoices, { error: "error.reminder.hours" })
  .transform((value) => (value === "" ? null : Number(value)));

/** One's agenda page: the secret feed (make, renew, revoke) and the reminder hours. */
export const agendaPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create-feed") }),
  z.object({ intent: z.literal("revoke-feed") }),
  z.object({
    intent: z.literal("reminders"),
    meetingReminderHours: hoursField,
    dueReminderHours: hoursField,
  }),
]);
export type AgendaPageForm = z.input<typeof agendaPageSchema>;
