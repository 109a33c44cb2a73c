// Texts of the welcome after confirming the address (/welkom), in Dutch, ICU MessageFormat.
// English has every key (en.ts).
export default {
  "welcome.title": "Welkom bij Knooppunt",
  "welcome.intro":
    "Vijf korte vragen, zodat Knooppunt je de goede netwerken en collega's laat zien. Elke vraag kun je overslaan; je kunt later verder waar je was.",
  "welcome.stepOf": "Stap {step} van {total}",
  "welcome.step.function": "Wat doe je?",
  "welcome.step.school": "Op welke school werk je?",
  "welcome.step.expertise": "Waar weet je veel van?",
  "welcome.step.networks": "Netwerken die bij je passen",
  "welcome.step.calendar": "Je bijeenkomsten in je eigen agenda",
  "welcome.next": "Volgende",
  "welcome.back": "Vorige stap",
  "welcome.skip": "Sla over",
  "welcome.skipAll": "Sla alles over",
  "welcome.skipAll.hint": "Je kunt alles later ook op je profiel invullen.",
  "welcome.function.intro":
    "Je functie en regio staan op je profiel; andere leden zien ze en we zoeken er netwerken mee.",
  "welcome.school.intro":
    "Zoek je school op naam, plaats of BRIN-code en kies hem. Dat is een aanvraag: de beheerders van de school bevestigen dat je er werkt, pas daarna tel je mee als collega.",
  "welcome.school.search": "Naam, plaats of BRIN-code van je school",
  "welcome.school.searchButton": "Zoeken",
  "welcome.school.results": "Gevonden scholen",
  "welcome.school.none":
    "Geen school gevonden voor '{query}'. Probeer een deel van de naam, de plaats of de BRIN-code (bijvoorbeeld 20AB).",
  "welcome.school.choose": "Dit is mijn school",
  "welcome.school.already": "Je hebt al aangegeven dat je werkt bij:",
  "welcome.school.requested": "wacht op bevestiging door de school",
  "welcome.school.confirmed": "bevestigd",
  "welcome.expertise.intro":
    "Een paar trefwoorden, met komma's ertussen. Collega's vinden je erop en we zoeken er netwerken mee.",
  "welcome.expertise.popular": "Veel genoemd: {tags}",
  "welcome.networks.intro":
    "Open netwerken en netwerken in oprichting die passen bij je sector, je regio en wat je weet. Aanmelden doe je op de pagina van het netwerk.",
  "welcome.networks.empty":
    "We vonden nog geen netwerk dat past bij wat je tot nu toe invulde. Kijk in alle netwerken of vul je profiel later aan.",
  "welcome.networks.catalogue": "Bekijk alle netwerken",
  "welcome.networks.fits": "Past bij:",
  "welcome.networks.fits.sector": "je sector",
  "welcome.networks.fits.region": "je regio",
  "welcome.networks.inFormation": "In oprichting",
  "welcome.networks.open": "Open",
  "welcome.calendar.intro":
    "Met je persoonlijke agenda-link zie je de bijeenkomsten van je netwerken, je gesprekken en je deadlines in Outlook, Google Agenda of Apple Agenda. Voeg de link daar toe als agenda-abonnement ('agenda toevoegen via URL').",
  "welcome.calendar.secret":
    "De link is geheim: wie hem heeft, ziet je afspraken. Deel hem niet. Op je agendapagina kun je hem altijd intrekken en een nieuwe maken.",
  "welcome.calendar.create": "Maak mijn agenda-link",
  "welcome.calendar.exists":
    "Je hebt al een agenda-link. Een nieuwe maken vervangt de oude: de oude werkt dan niet meer.",
  "welcome.calendar.replace": "Maak een nieuwe agenda-link",
  "welcome.calendar.url": "Je agenda-link",
  "welcome.calendar.shownOnce":
    "We laten de link maar één keer zien. Kopieer hem nu naar je agenda.",
  "welcome.calendar.copy": "Kopieer de link",
  "welcome.calendar.copied": "De link staat op je klembord.",
  "welcome.calendar.agendaPage": "Naar je agenda in Knooppunt",
  "welcome.finish": "Klaar",
  "error.welcome.school.choose": "Kies je school uit de lijst.",
  "error.welcome.school.tooMany":
    "Je hebt al vijf werkplekken op je profiel. Haal er daar eerst een weg.",
};
