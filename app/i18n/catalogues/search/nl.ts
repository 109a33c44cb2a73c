// Texts of the site search (/zoeken) in Dutch, ICU MessageFormat. English has every key (en.ts).
export default {
  "search.title": "Zoeken",
  "search.intro":
    "Zoek in wat je op Knooppunt mag zien: netwerken, mensen en goede voorbeelden, en de discussies, bijeenkomsten, kennisweb en initiatieven van de netwerken en de school waar je zelf in zit.",
  "search.label": "Zoekwoorden",
  "search.submit": "Zoeken",
  "search.hint":
    "Typ een naam, een onderwerp of een trefwoord: de naam van een collega, een expertise als ‘feedback’ of een thema als ‘begaafdheid’.",
  "search.tooShort": "Typ minstens twee tekens.",
  "search.summary":
    "{count, plural, one {# resultaat} other {# resultaten}} voor ‘{q}’, per soort de beste vijf.",
  "search.none": "Niets gevonden voor ‘{q}’.",
  "search.noneHelp":
    "Probeer een ander of korter woord. Een netwerk zoeken dat bij je past? Kijk in de catalogus.",
  "search.toCatalogue": "Naar de netwerkencatalogus",
  "search.privacy":
    "Je vindt alleen wat je mag zien: inhoud van netwerken en scholen waar je zelf in zit. Maatjes- en intervisiegroepen worden niet doorzocht.",
  "search.groups": "Resultaten per soort",
  "search.count": "{count}",
  "search.countMore": "meer dan {count}",
  "search.kind.networks": "Netwerken",
  "search.kind.people": "Mensen",
  "search.kind.practices": "Goede voorbeelden",
  "search.kind.topics": "Discussieonderwerpen",
  "search.kind.posts": "Reacties in discussies",
  "search.kind.meetings": "Bijeenkomsten",
  "search.kind.kennisweb": "Kennisweb",
  "search.kind.initiatives": "Initiatieven",
  "search.more.networks": "Alle netwerken met ‘{q}’",
  "search.more.people": "Alle mensen met ‘{q}’",
  "search.more.practices": "Alle goede voorbeelden met ‘{q}’",
  "search.moreRefine": "Er is meer: maak je zoekwoorden preciezer.",
  "search.where.catalogue": "in de netwerkencatalogus",
  "search.where.people": "in Mensen",
  "search.where.peopleRegion": "in Mensen, regio {place}",
  "search.where.practices": "in {place} › Goede voorbeelden",
  "search.where.discussion": "in {place} › Discussie",
  "search.where.meetings": "in {place} › Bijeenkomsten",
  "search.where.kennisweb": "in {place} › Kennisweb",
  "search.where.initiatives": "in {place} › Netwerklerend",
  "search.meeting": "Bijeenkomst",
};
