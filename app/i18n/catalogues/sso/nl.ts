// Texts of single sign-on (school accounts) and a school's login domains in Dutch, ICU
// MessageFormat. English has every key (en.ts).
export default {
  "sso.buttons.heading": "Met je schoolaccount",
  "sso.buttons.register": "Werk je op een school? Dan heb je geen wachtwoord nodig:",
  "sso.button": "Inloggen met {name}",
  "sso.or": "of met je e-mailadres",
  "sso.refused.linkPassword":
    "Je wachtwoord klopt niet. Vul je huidige wachtwoord in om een inlogmethode te koppelen.",
  "sso.refused.linkReauth":
    "Bevestig eerst met een inlogmethode die je al hebt dat jij het bent; daarna kun je koppelen.",
  "sso.methods.linkPassword": "Je wachtwoord (om {name} te koppelen)",
  "sso.methods.reauthFirst": "Eerst bevestigen met {name}",
  "sso.methods.reauthHint":
    "Om een inlogmethode toe te voegen, log je eerst opnieuw in met een die je al hebt.",
  "sso.methods.reauthDone":
    "Je hebt bevestigd dat jij het bent. Kies nu welke inlogmethode je koppelt.",
  "sso.refused.generic":
    "Inloggen met je schoolaccount is niet gelukt. Probeer het opnieuw, of log in met je e-mailadres.",
  "sso.refused.expired":
    "Het inloggen duurde te lang of is in een ander venster begonnen. Probeer het opnieuw.",
  "sso.refused.cancelled": "Het inloggen bij je instelling is afgebroken.",
  "sso.refused.disabled":
    "Dit account is uitgeschakeld. Neem contact op met de beheerder van Knooppunt.",
  "sso.refused.taken":
    "Dit schoolaccount hoort al bij een ander Knooppunt-account. Log daar in, of ontkoppel het daar eerst.",
  "sso.refused.rateLimited": "Te veel pogingen. Probeer het over een kwartier opnieuw.",
  "sso.email.title": "Nog één stap: je e-mailadres",
  "sso.email.intro":
    "{provider} geeft ons geen e-mailadres door. Op welk adres wil je mail van Knooppunt krijgen? We sturen er een bevestigingslink naartoe.",
  "sso.email.submit": "Stuur de bevestigingslink",
  "sso.email.yourInstitution": "Je instelling",
  "sso.email.continue": "Verder naar Knooppunt",
  "sso.email.sent.title": "Kijk in je mailbox",
  "sso.email.sent.body":
    "We hebben een mail gestuurd naar {email}. Volg de link in die mail om je e-mailadres te bevestigen. Geen mail gekregen? Kijk in je spam-map.",
  "sso.linkSent.title": "Bevestig de koppeling in je mail",
  "sso.linkSent.body":
    "We hebben een mail gestuurd naar {email}. Klik op de link in die mail om je schoolaccount aan je Knooppunt-account te koppelen. Daarna log je voortaan in met je schoolaccount.",
  "sso.emailConfirm.title": "E-mailadres bevestigen",
  "sso.emailConfirm.body":
    "Klik op de knop om je e-mailadres te bevestigen. Daarna is je account klaar en ben je ingelogd.",
  "sso.emailConfirm.submit": "Bevestigen en inloggen",
  "sso.emailConfirm.expired":
    "Deze link is verlopen of al gebruikt. Log opnieuw in met je instelling.",
  "sso.emailConfirm.taken":
    "Er is intussen al een account met dit e-mailadres. We hebben de eigenaar een mail gestuurd; er is niets gekoppeld.",
  "sso.confirm.title": "Schoolaccount koppelen",
  "sso.confirm.body": "Klik op de knop om je schoolaccount aan je Knooppunt-account te koppelen.",
  "sso.confirm.submit": "Koppelen en inloggen",
  "sso.confirm.expired":
    "Deze link is verlopen of al gebruikt. Log opnieuw in met je schoolaccount om een nieuwe te krijgen.",
  "sso.methods.title": "Inlogmethoden",
  "sso.methods.intro":
    "Zo kom je bij Knooppunt binnen. Houd er altijd minstens één: een schoolaccount of een wachtwoord.",
  "sso.methods.link": "Inlogmethoden",
  "sso.methods.providers": "Schoolaccounts",
  "sso.methods.linked": "Gekoppeld",
  "sso.methods.notLinked": "Niet gekoppeld",
  "sso.methods.lastLogin": "Laatst ingelogd op {date}",
  "sso.methods.neverUsed": "Nog niet mee ingelogd",
  "sso.methods.connect": "Koppelen",
  "sso.methods.connectNamed": "Koppelen met {name}",
  "sso.methods.disconnect": "Ontkoppelen",
  "sso.methods.disconnectNamed": "{name} ontkoppelen",
  "sso.methods.none": "Er zijn op dit moment geen schoolaccounts ingesteld.",
  "sso.methods.password": "Wachtwoord",
  "sso.methods.hasPassword": "Je kunt inloggen met je e-mailadres en wachtwoord.",
  "sso.methods.noPassword": "Je hebt geen wachtwoord: je logt in met je schoolaccount.",
  "sso.methods.changePassword": "Wachtwoord wijzigen",
  "sso.methods.setPassword": "Wachtwoord instellen",
  "sso.methods.passwordMailHint":
    "We sturen je een link per e-mail waarmee je een nieuw wachtwoord kiest.",
  "sso.methods.dropPassword": "Wachtwoord verwijderen",
  "sso.methods.dropPasswordHint":
    "Zonder wachtwoord log je alleen nog in met een gekoppeld schoolaccount.",
  "sso.methods.linkedNotice": "Je schoolaccount is gekoppeld.",
  "sso.methods.unlinkedNotice": "Het schoolaccount is ontkoppeld.",
  "sso.methods.passwordDroppedNotice": "Je wachtwoord is verwijderd.",
  "sso.methods.passwordMailNotice":
    "We hebben je een link gestuurd om je wachtwoord in te stellen. De link werkt een uur.",
  "error.sso.lastWay":
    "Dit is je enige manier om in te loggen. Koppel eerst een ander schoolaccount of stel een wachtwoord in.",
  "error.sso.noIdentity": "Koppel eerst een schoolaccount; anders kun je niet meer inloggen.",
  "error.sso.email": "Vul een geldig e-mailadres in, zoals naam@school.nl.",
  "loginDomains.title": "Inlogdomeinen",
  "loginDomains.intro":
    "Wie inlogt met een schoolaccount (SURFconext, Microsoft of Google) van een van deze domeinen, werkt bij {name}: de werkplek is dan meteen bevestigd, zonder aanvraag.",
  "loginDomains.manage": "Inlogdomeinen beheren",
  "loginDomains.back": "Terug naar {name}",
  "loginDomains.field": "Domein",
  "loginDomains.hint": "Bijvoorbeeld school.nl, zonder @ of https://",
  "loginDomains.add": "Domein toevoegen",
  "loginDomains.remove": "Verwijderen",
  "loginDomains.removeNamed": "{domain} verwijderen",
  "loginDomains.empty": "Deze school heeft nog geen inlogdomeinen.",
  "loginDomains.added": "Het domein is toegevoegd.",
  "loginDomains.removed": "Het domein is verwijderd.",
};
