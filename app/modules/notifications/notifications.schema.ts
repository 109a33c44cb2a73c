import { z } from "zod";
import { notificationChannels, notificationKinds } from "./kinds.ts";

/** "Meldingen": open one (read, then its link), mark one read, or all. */
export const notificationsPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), id: z.string().max(64) }),
  z.object({ intent: z.literal("read"), id: z.string().max(64) }),
  z.object({ intent: z.literal("read-all") }),
]);

const channel = z.enum(notificationChannels, { error: "error.notifications.channel" });

/** "Meldingen instellen": per kind, app, mail or both (a radio group each, named by the kind). */
export const notificationSettingsSchema = z.object(
  Object.fromEntries(notificationKinds.map((kind) => [kind, channel])) as Record<
    (typeof notificationKinds)[number],
    typeof channel
  >,
);
