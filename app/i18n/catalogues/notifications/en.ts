import type nl from "./nl.ts";

export default {
  "outbox.title": "Outgoing mail",
  "outbox.intro":
    "How Knooppunt's mail is delivered: to whom, what kind of mail and whether it worked. The content is not here: it can hold login links and confidential text, and it is wiped once the mail has left. After {days} days these details go too.",
  "outbox.empty": "No mail has been sent yet.",
  "outbox.emptyFiltered": "No mail with this status.",
  "outbox.to": "To",
  "outbox.kind": "Kind",
  "outbox.subject": "Subject",
  "outbox.subjectHidden": "Confidential",
  "outbox.status": "Status",
  "outbox.status.pending": "Waiting to be sent",
  "outbox.status.sent": "Sent",
  "outbox.status.failed": "Failed",
  "outbox.attempts": "Attempts",
  "outbox.lastError": "Last error",
  "outbox.created": "Created",
  "outbox.sent": "Sent",
  "outbox.nextAttempt": "Next attempt",
  "outbox.filter": "Filter by status",
  "outbox.filter.all": "All",
  "outbox.failedCount": "{count, plural, one {# mail} other {# mails}} could not be delivered.",
  "outbox.showFailed": "Show the failed mail",
  "outbox.noBody": "The content of a mail can never be read here: only the recipient sees it.",
  "outbox.back": "Back to all mail",
} satisfies Record<keyof typeof nl, string>;
