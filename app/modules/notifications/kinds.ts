import type { MessageKey } from "#app/i18n/catalogues/index.ts";

/**
 * The events a person hears of in the app (the bell) and by mail, each with its own choice of
 * channel (notification_preferences). The same events that have always sent a mail.
 */
export const notificationKinds = [
  /** someone answered a question (topic) I asked */
  "discussion-answer",
  /** someone replied to an answer (post) of mine */
  "discussion-reply",
  /** a meeting I am in was moved (date, time or place) */
  "meeting-changed",
  /** a meeting I am in was cancelled */
  "meeting-cancelled",
  /** my facilitator proposed conversation slots: choose one */
  "conversation-proposed",
  /** feedback on an assignment I handed in */
  "feedback-given",
  /** my intake (enrolment) was accepted or declined */
  "intake-decided",
  /** a place came free for me on a waiting list */
  "place-offered",
  /** a survey waits for my answers */
  "survey-invitation",
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

/** Each kind's name for people, on the settings page and the unsubscribe page. */
export const notificationKindLabel = {
  "discussion-answer": "notifications.kind.discussion-answer",
  "discussion-reply": "notifications.kind.discussion-reply",
  "meeting-changed": "notifications.kind.meeting-changed",
  "meeting-cancelled": "notifications.kind.meeting-cancelled",
  "conversation-proposed": "notifications.kind.conversation-proposed",
  "feedback-given": "notifications.kind.feedback-given",
  "intake-decided": "notifications.kind.intake-decided",
  "place-offered": "notifications.kind.place-offered",
  "survey-invitation": "notifications.kind.survey-invitation",
} as const satisfies Record<NotificationKind, MessageKey>;

export const notificationChannels = ["app", "mail", "both"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
