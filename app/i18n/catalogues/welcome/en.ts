import type nl from "./nl.ts";

export default {
  "welcome.title": "Welcome to Knooppunt",
  "welcome.intro":
    "Five short questions, so Knooppunt shows you the right networks and colleagues. You can skip each one, and carry on later where you left off.",
  "welcome.stepOf": "Step {step} of {total}",
  "welcome.step.function": "What do you do?",
  "welcome.step.school": "Which school do you work at?",
  "welcome.step.expertise": "What do you know a lot about?",
  "welcome.step.networks": "Networks that fit you",
  "welcome.step.calendar": "Your meetings in your own calendar",
  "welcome.next": "Next",
  "welcome.back": "Previous step",
  "welcome.skip": "Skip",
  "welcome.skipAll": "Skip all",
  "welcome.skipAll.hint": "You can fill all of this in on your profile later.",
  "welcome.function.intro":
    "Your job and region are on your profile; other members see them and we use them to find networks.",
  "welcome.school.intro":
    "Look up your school by name, place or BRIN code and choose it. That is a request: the school's admins confirm that you work there, and only then do you count as a colleague.",
  "welcome.school.search": "Name, place or BRIN code of your school",
  "welcome.school.searchButton": "Search",
  "welcome.school.results": "Schools found",
  "welcome.school.none":
    "No school found for '{query}'. Try part of the name, the place or the BRIN code (for example 20AB).",
  "welcome.school.choose": "This is my school",
  "welcome.school.already": "You already said you work at:",
  "welcome.school.requested": "waiting for the school to confirm",
  "welcome.school.confirmed": "confirmed",
  "welcome.expertise.intro":
    "A few keywords, separated by commas. Colleagues find you by them and we use them to find networks.",
  "welcome.expertise.popular": "Often named: {tags}",
  "welcome.networks.intro":
    "Open networks and networks in formation that fit your sector, your region and what you know. You join on the network's own page.",
  "welcome.networks.empty":
    "We found no network yet that fits what you filled in so far. Look through all networks, or complete your profile later.",
  "welcome.networks.catalogue": "See all networks",
  "welcome.networks.fits": "Fits:",
  "welcome.networks.fits.sector": "your sector",
  "welcome.networks.fits.region": "your region",
  "welcome.networks.inFormation": "In formation",
  "welcome.networks.open": "Open",
  "welcome.calendar.intro":
    "With your personal calendar link you see your networks' meetings, your conversations and your deadlines in Outlook, Google Calendar or Apple Calendar. Add the link there as a calendar subscription ('add calendar from URL').",
  "welcome.calendar.secret":
    "The link is secret: whoever has it sees your appointments. Do not share it. On your agenda page you can always revoke it and make a new one.",
  "welcome.calendar.create": "Make my calendar link",
  "welcome.calendar.exists":
    "You already have a calendar link. Making a new one replaces it: the old one stops working.",
  "welcome.calendar.replace": "Make a new calendar link",
  "welcome.calendar.url": "Your calendar link",
  "welcome.calendar.shownOnce": "We show the link only once. Copy it into your calendar now.",
  "welcome.calendar.copy": "Copy the link",
  "welcome.calendar.copied": "The link is on your clipboard.",
  "welcome.calendar.agendaPage": "To your agenda in Knooppunt",
  "welcome.finish": "Done",
  "error.welcome.school.choose": "Choose your school from the list.",
  "error.welcome.school.tooMany":
    "You already have five workplaces on your profile. Remove one there first.",
} satisfies Record<keyof typeof nl, string>;
