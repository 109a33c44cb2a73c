import type mail from "./nl.server.ts";

type MailKey = keyof typeof mail;

/**
 * The mails sendTemplatedMail sends, each with its subject and body in the dictionary. Written out
 * (no key built from a string) so the type checker sees every text a mail uses.
 */
export const mailTemplates = {
  "mail.verify": { subject: "mail.verify.subject", body: "mail.verify.body" },
  "mail.alreadyRegistered": {
    subject: "mail.alreadyRegistered.subject",
    body: "mail.alreadyRegistered.body",
  },
  "mail.reset": { subject: "mail.reset.subject", body: "mail.reset.body" },
  "mail.magicLink": { subject: "mail.magicLink.subject", body: "mail.magicLink.body" },
  "mail.placeOffered": { subject: "mail.placeOffered.subject", body: "mail.placeOffered.body" },
  "mail.intake": { subject: "mail.intake.subject", body: "mail.intake.body" },
  "mail.nominated": { subject: "mail.nominated.subject", body: "mail.nominated.body" },
  "mail.intakeAccepted": {
    subject: "mail.intakeAccepted.subject",
    body: "mail.intakeAccepted.body",
  },
  "mail.intakeDeclined": {
    subject: "mail.intakeDeclined.subject",
    body: "mail.intakeDeclined.body",
  },
  "mail.secondNetwork": { subject: "mail.secondNetwork.subject", body: "mail.secondNetwork.body" },
  "mail.secondNetworkWaiting": {
    subject: "mail.secondNetworkWaiting.subject",
    body: "mail.secondNetworkWaiting.body",
  },
  "mail.meetingMoved": { subject: "mail.meetingMoved.subject", body: "mail.meetingMoved.body" },
  "mail.meetingPlaceChanged": {
    subject: "mail.meetingPlaceChanged.subject",
    body: "mail.meetingPlaceChanged.body",
  },
  "mail.meetingCancelled": {
    subject: "mail.meetingCancelled.subject",
    body: "mail.meetingCancelled.body",
  },
  "mail.meetingReminder": {
    subject: "mail.meetingReminder.subject",
    body: "mail.meetingReminder.body",
  },
  "mail.dueReminder": { subject: "mail.dueReminder.subject", body: "mail.dueReminder.body" },
  "mail.feedbackGiven": { subject: "mail.feedbackGiven.subject", body: "mail.feedbackGiven.body" },
  "mail.slotsProposed": { subject: "mail.slotsProposed.subject", body: "mail.slotsProposed.body" },
  "mail.slotConfirmed": { subject: "mail.slotConfirmed.subject", body: "mail.slotConfirmed.body" },
  "mail.registerReminder": {
    subject: "mail.registerReminder.subject",
    body: "mail.registerReminder.body",
  },
  "mail.survey": { subject: "mail.survey.subject", body: "mail.survey.body" },
  "mail.surveyReminder": {
    subject: "mail.surveyReminder.subject",
    body: "mail.surveyReminder.body",
  },
  "mail.bounce": { subject: "mail.bounce.subject", body: "mail.bounce.body" },
  "mail.heldInbound": { subject: "mail.heldInbound.subject", body: "mail.heldInbound.body" },
  "mail.buddyActivity": { subject: "mail.buddyActivity.subject", body: "mail.buddyActivity.body" },
  "mail.intervisionActivity": {
    subject: "mail.intervisionActivity.subject",
    body: "mail.intervisionActivity.body",
  },
  "mail.analysisInvite": {
    subject: "mail.analysisInvite.subject",
    body: "mail.analysisInvite.body",
  },
  "mail.newsletter": { subject: "mail.newsletter.subject", body: "mail.newsletter.body" },
  "mail.workplaceRequested": {
    subject: "mail.workplaceRequested.subject",
    body: "mail.workplaceRequested.body",
  },
  "mail.workplaceConfirmed": {
    subject: "mail.workplaceConfirmed.subject",
    body: "mail.workplaceConfirmed.body",
  },
  "mail.workplaceDeclined": {
    subject: "mail.workplaceDeclined.subject",
    body: "mail.workplaceDeclined.body",
  },
  "mail.linkIdentity": { subject: "mail.linkIdentity.subject", body: "mail.linkIdentity.body" },
  "mail.ssoConfirmEmail": {
    subject: "mail.ssoConfirmEmail.subject",
    body: "mail.ssoConfirmEmail.body",
  },
  "mail.identityLinkedNotice": {
    subject: "mail.signInMethodsChanged.subject",
    body: "mail.identityLinkedNotice.body",
  },
  "mail.identityUnlinkedNotice": {
    subject: "mail.signInMethodsChanged.subject",
    body: "mail.identityUnlinkedNotice.body",
  },
  "mail.passwordDroppedNotice": {
    subject: "mail.signInMethodsChanged.subject",
    body: "mail.passwordDroppedNotice.body",
  },
  "mail.ssoAddressTaken": {
    subject: "mail.ssoAddressTaken.subject",
    body: "mail.ssoAddressTaken.body",
  },
  "mail.emailChange": { subject: "mail.emailChange.subject", body: "mail.emailChange.body" },
  "mail.emailChangeNotice": {
    subject: "mail.emailChangeNotice.subject",
    body: "mail.emailChangeNotice.body",
  },
  "mail.emailChangeByAdminNotice": {
    subject: "mail.emailChangeByAdminNotice.subject",
    body: "mail.emailChangeByAdminNotice.body",
  },
  "mail.inactivityWarning": {
    subject: "mail.inactivityWarning.subject",
    body: "mail.inactivityWarning.body",
  },
  "mail.dataExportReady": {
    subject: "mail.dataExportReady.subject",
    body: "mail.dataExportReady.body",
  },
  "mail.discussion": { subject: "mail.discussion.subject", body: "mail.discussion.body" },
  "mail.digest": { subject: "mail.digest.subject", body: "mail.digest.body" },
} as const satisfies Record<string, { subject: MailKey; body: MailKey }>;

export type MailTemplate = keyof typeof mailTemplates;

/**
 * Why someone gets a mail, which decides its footer and whether it carries a one-click
 * unsubscribe (RFC 8058): mail about the account itself, or an answer to a message the person
 * sent, has none; a notification stops for its kind; a discussion mail for that network; any
 * other mail stops with all mail that is not about the account.
 */
export type MailCategory = "account" | "reply" | "discussion" | "other" | { notification: string };

export const mailCategory: Record<MailTemplate, MailCategory> = {
  "mail.verify": "account",
  "mail.alreadyRegistered": "account",
  "mail.reset": "account",
  "mail.magicLink": "account",
  "mail.linkIdentity": "account",
  "mail.ssoConfirmEmail": "account",
  "mail.identityLinkedNotice": "account",
  "mail.identityUnlinkedNotice": "account",
  "mail.passwordDroppedNotice": "account",
  "mail.ssoAddressTaken": "account",
  "mail.emailChange": "account",
  "mail.emailChangeNotice": "account",
  "mail.emailChangeByAdminNotice": "account",
  "mail.inactivityWarning": "account",
  "mail.dataExportReady": "account",
  "mail.bounce": "reply",
  "mail.heldInbound": "reply",
  "mail.placeOffered": { notification: "place-offered" },
  "mail.intakeAccepted": { notification: "intake-decided" },
  "mail.intakeDeclined": { notification: "intake-decided" },
  "mail.meetingMoved": { notification: "meeting-changed" },
  "mail.meetingPlaceChanged": { notification: "meeting-changed" },
  "mail.meetingCancelled": { notification: "meeting-cancelled" },
  "mail.feedbackGiven": { notification: "feedback-given" },
  "mail.slotsProposed": { notification: "conversation-proposed" },
  "mail.survey": { notification: "survey-invitation" },
  "mail.surveyReminder": { notification: "survey-invitation" },
  "mail.discussion": "discussion",
  "mail.digest": "discussion",
  "mail.intake": "other",
  "mail.nominated": "other",
  "mail.secondNetwork": "other",
  "mail.secondNetworkWaiting": "other",
  "mail.meetingReminder": "other",
  "mail.dueReminder": "other",
  "mail.slotConfirmed": "other",
  "mail.registerReminder": "other",
  "mail.buddyActivity": "other",
  "mail.intervisionActivity": "other",
  "mail.analysisInvite": "other",
  "mail.newsletter": "other",
  "mail.workplaceRequested": "other",
  "mail.workplaceConfirmed": "other",
  "mail.workplaceDeclined": "other",
};

/** Params that hold someone's formatted text (a post, a note): rendered, never shown raw. */
export const markdownParams: Partial<Record<MailTemplate, readonly string[]>> = {
  "mail.nominated": ["note"],
  "mail.intakeAccepted": ["message"],
  "mail.intakeDeclined": ["message"],
  "mail.analysisInvite": ["story"],
  "mail.newsletter": ["body"],
  "mail.discussion": ["body"],
  "mail.digest": ["topics"],
};
