import type nl from "./nl.ts";

export default {
  "search.title": "Search",
  "search.intro":
    "Search what you may see on Knooppunt: networks, people and good practices, and the discussions, meetings, kennisweb and initiatives of the networks and the school you are in yourself.",
  "search.label": "Search words",
  "search.submit": "Search",
  "search.hint":
    "Type a name, a subject or a keyword: a colleague's name, an expertise such as ‘feedback’ or a theme such as ‘giftedness’.",
  "search.tooShort": "Type at least two characters.",
  "search.summary":
    "{count, plural, one {# result} other {# results}} for ‘{q}’, the best five of each kind.",
  "search.none": "Nothing found for ‘{q}’.",
  "search.noneHelp":
    "Try another or a shorter word. Looking for a network that suits you? Browse the catalogue.",
  "search.toCatalogue": "To the network catalogue",
  "search.privacy":
    "You only find what you may see: content of networks and schools you are in yourself. Buddy and intervision groups are not searched.",
  "search.groups": "Results by kind",
  "search.count": "{count}",
  "search.countMore": "more than {count}",
  "search.kind.networks": "Networks",
  "search.kind.people": "People",
  "search.kind.practices": "Good practices",
  "search.kind.topics": "Discussion topics",
  "search.kind.posts": "Replies in discussions",
  "search.kind.meetings": "Meetings",
  "search.kind.kennisweb": "Kennisweb",
  "search.kind.initiatives": "Initiatives",
  "search.more.networks": "All networks with ‘{q}’",
  "search.more.people": "All people with ‘{q}’",
  "search.more.practices": "All good practices with ‘{q}’",
  "search.moreRefine": "There is more: make your search words more precise.",
  "search.where.catalogue": "in the network catalogue",
  "search.where.people": "in People",
  "search.where.peopleRegion": "in People, region {place}",
  "search.where.practices": "in {place} › Good practices",
  "search.where.discussion": "in {place} › Discussion",
  "search.where.meetings": "in {place} › Meetings",
  "search.where.kennisweb": "in {place} › Kennisweb",
  "search.where.initiatives": "in {place} › Network learning",
  "search.meeting": "Meeting",
} satisfies Record<keyof typeof nl, string>;
