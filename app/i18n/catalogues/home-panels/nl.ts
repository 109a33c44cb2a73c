// Texts of the start page's role panels in Dutch, ICU MessageFormat. English has every key (en.ts).
export default {
  "homePanel.facilitator.title": "Netwerken die je begeleidt",
  "homePanel.facilitator.intro":
    "Als penvoerder of facilitator: opkomst, de volgende bijeenkomst en wie op je wacht.",
  "homePanel.facilitator.role": "Jij bent {role}",
  "homePanel.facilitator.inFormation": "in oprichting",
  "homePanel.facilitator.members": "{count, plural, one {# actief lid} other {# actieve leden}}",
  "homePanel.facilitator.lastMeeting": "Laatste bijeenkomst ({date})",
  "homePanel.facilitator.attendance": "{present} van de {members} aanwezig",
  "homePanel.facilitator.notRecorded": "Opkomst nog niet vastgelegd",
  "homePanel.facilitator.recordAttendance": "Opkomst vastleggen",
  "homePanel.facilitator.noLastMeeting": "Nog geen bijeenkomst gehouden",
  "homePanel.facilitator.nextMeeting": "Volgende bijeenkomst",
  "homePanel.facilitator.noNextMeeting": "Geen bijeenkomst gepland",
  "homePanel.facilitator.planMeeting": "Bijeenkomst plannen",
  "homePanel.facilitator.intakes":
    "{count, plural, one {# intake te beoordelen} other {# intakes te beoordelen}}",
  "homePanel.facilitator.nominations":
    "{count, plural, one {# voordracht wacht op antwoord} other {# voordrachten wachten op antwoord}}",
  "homePanel.facilitator.intakesLabel": "Intakes en voordrachten",
  "homePanel.facilitator.noIntakes": "Geen intakes open",
  "homePanel.coordinator.title": "Jouw programma in één oogopslag",
  "homePanel.coordinator.intro":
    "De netwerken van je programma, aanvragen die op jouw oordeel wachten en netwerken die aandacht vragen.",
  "homePanel.coordinator.inFormation":
    "{count, plural, =0 {geen netwerken in oprichting} one {# netwerk in oprichting} other {# netwerken in oprichting}}",
  "homePanel.coordinator.active":
    "{count, plural, =0 {Geen actieve netwerken} one {# actief netwerk} other {# actieve netwerken}}",
  "homePanel.coordinator.applications":
    "{count, plural, =0 {Geen aanvragen te beoordelen} one {# aanvraag te beoordelen} other {# aanvragen te beoordelen}}",
  "homePanel.coordinator.attention": "Zonder geplande bijeenkomst",
  "homePanel.coordinator.attentionNone": "Elk netwerk heeft een bijeenkomst gepland.",
  "homePanel.coordinator.attentionMore":
    "en {count, plural, one {# ander netwerk} other {# andere netwerken}}",
  "homePanel.coordinator.noNetworks": "Dit programma heeft nog geen netwerken.",
  "homePanel.coordinator.dashboard": "Naar het dashboard",
  "homePanel.coordinator.applicationsLink": "Naar de aanvragen",
  "homePanel.school.title": "Jouw school",
  "homePanel.school.intro":
    "Aanvragen van collega's die bij je school willen horen en wat er loopt in de netwerklerende school.",
  "homePanel.school.requests":
    "{count, plural, =0 {Geen aanvragen om te bevestigen} one {# collega wacht op bevestiging} other {# collega's wachten op bevestiging}}",
  "homePanel.school.confirm": "Aanvragen bekijken",
  "homePanel.school.initiatives":
    "{count, plural, one {# initiatief loopt} other {# initiatieven lopen}}",
  "homePanel.school.themes": "{count, plural, one {# thema} other {# thema's}}",
  "homePanel.school.toolkit": "Naar de netwerklerende school",
  "homePanel.school.boardSchool": "School van je bestuur",
};
