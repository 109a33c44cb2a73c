// Texts of notifications in Dutch, ICU MessageFormat. English has every key (en.ts).
export default {
  "outbox.title": "Uitgaande mail",
  "outbox.intro":
    "Hoe de mail van Knooppunt bezorgd wordt: aan wie, wat voor mail en of het lukte. De inhoud staat hier niet: die kan inloglinks en vertrouwelijke tekst bevatten en wordt gewist zodra de mail weg is. Na {days} dagen verdwijnen ook deze gegevens.",
  "outbox.empty": "Er is nog geen mail verstuurd.",
  "outbox.emptyFiltered": "Geen mail met deze status.",
  "outbox.to": "Aan",
  "outbox.kind": "Soort",
  "outbox.subject": "Onderwerp",
  "outbox.subjectHidden": "Vertrouwelijk",
  "outbox.status": "Status",
  "outbox.status.pending": "Wacht op verzending",
  "outbox.status.sent": "Verstuurd",
  "outbox.status.failed": "Mislukt",
  "outbox.attempts": "Pogingen",
  "outbox.lastError": "Laatste fout",
  "outbox.created": "Aangemaakt",
  "outbox.sent": "Verstuurd",
  "outbox.nextAttempt": "Volgende poging",
  "outbox.filter": "Filter op status",
  "outbox.filter.all": "Alle",
  "outbox.failedCount":
    "{count, plural, one {# mail kon} other {# mails konden}} niet worden bezorgd.",
  "outbox.showFailed": "Toon de mislukte mail",
  "outbox.noBody":
    "De inhoud van een mail is hier nooit te lezen: alleen de ontvanger krijgt hem te zien.",
  "outbox.back": "Terug naar alle mail",
};
