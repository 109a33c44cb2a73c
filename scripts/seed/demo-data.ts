// Demo data drawn from the five seed documents (../shared/seeds): the schools and people
// they name, with believable profiles. Demo addresses use the reserved .test domain.

export const demoPassword = "knooppunt-demo-2026";

export const regions = [
  "Noord",
  "Oost",
  "Midden",
  "Noordwest",
  "West",
  "Zuidwest",
  "Zuid",
  "Zuidoost",
];

export const programmes = [
  {
    name: "VO-academie",
    kind: "academy",
    description:
      "Ondersteunt leernetwerken van schoolleiders in het voortgezet onderwijs die vanuit het veld ontstaan.",
  },
  {
    name: "AVS Academie",
    kind: "academy",
    description:
      "Leergangen en trainingen voor schoolleiders, waaronder de leergang De lerende school.",
  },
  {
    name: "Stap 2",
    kind: "programme",
    facilitatedMeetingsLimit: 5,
    description:
      "Programma van de VO-raad voor strategisch HRM, met regionale leernetwerken in acht regio's.",
  },
  {
    name: "Netwerk Autopoiesis",
    kind: "provider",
    description: "Onafhankelijke aanbieder van een leernetwerk voor schoolleiders in het PO.",
  },
] as const;

export const boards = [
  { name: "Stichting Baken", place: "Almere", region: "Midden" },
  { name: "Scholengroep Eemland (demo)", place: "Amersfoort", region: "Midden" },
  { name: "Stichting Praktijkonderwijs Fryslân (demo)", place: "Leeuwarden", region: "Noord" },
];

export const schools = [
  {
    name: "Baken Trinitas Gymnasium",
    brin: "20AA",
    sector: "VO",
    place: "Almere",
    region: "Midden",
    board: "Stichting Baken",
  },
  { name: "Leidsche Rijn College", brin: "20AB", sector: "VO", place: "Utrecht", region: "Midden" },
  { name: "RSG Broklede", brin: "20AC", sector: "VO", place: "Breukelen", region: "Midden" },
  { name: "Assink Lyceum", brin: "20AD", sector: "VO", place: "Haaksbergen", region: "Oost" },
  {
    name: "Trivium College",
    brin: "20AE",
    sector: "VO",
    place: "Amersfoort",
    region: "Midden",
    board: "Scholengroep Eemland (demo)",
  },
  {
    name: "Farel College",
    brin: "20AF",
    sector: "VO",
    place: "Amersfoort",
    region: "Midden",
    board: "Scholengroep Eemland (demo)",
  },
  { name: "Openbaar Lyceum Zeist", brin: "20AG", sector: "VO", place: "Zeist", region: "Midden" },
  { name: "Almere College", brin: "20AH", sector: "VO", place: "Dronten", region: "Midden" },
  { name: "Terra Eelde", brin: "20AJ", sector: "VO", place: "Eelde", region: "Noord" },
  {
    name: "Van der Meij College",
    brin: "20AK",
    sector: "VO",
    place: "Alkmaar",
    region: "Noordwest",
  },
  {
    name: "De Brêge",
    brin: "20AL",
    sector: "VO",
    place: "Leeuwarden",
    region: "Noord",
    board: "Stichting Praktijkonderwijs Fryslân (demo)",
  },
  {
    name: "Praktijkschool Sneek (demo)",
    brin: "20AM",
    sector: "VO",
    place: "Sneek",
    region: "Noord",
    board: "Stichting Praktijkonderwijs Fryslân (demo)",
  },
  {
    name: "Praktijkonderwijs Drachten (demo)",
    brin: "20AN",
    sector: "VO",
    place: "Drachten",
    region: "Noord",
    board: "Stichting Praktijkonderwijs Fryslân (demo)",
  },
  {
    name: "Basisschool De Vlinderboom (demo)",
    brin: "20AP",
    sector: "PO",
    place: "Utrecht",
    region: "Midden",
  },
  {
    name: "Kindcentrum Het Kompas (demo)",
    brin: "20AR",
    sector: "PO",
    place: "Zwolle",
    region: "Oost",
  },
  {
    name: "De Piramide, school voor speciaal onderwijs (demo)",
    brin: "20AS",
    sector: "SO",
    place: "Amersfoort",
    region: "Midden",
  },
] as const;

export interface DemoPerson {
  name: string;
  email: string;
  jobFunction:
    | "schoolleider"
    | "teamleider"
    | "afdelingsleider"
    | "leraar"
    | "intern-begeleider"
    | "hr"
    | "bestuurder"
    | "anders";
  jobFunctionOther?: string;
  workplace: string;
  region: string;
  bio: string;
  expertise: string[];
  isPlatformAdmin?: boolean;
  organisationAdmin?: boolean;
  coordinates?: { programme: string; region?: string };
}

export const people: DemoPerson[] = [
  {
    name: "Beheer Knooppunt",
    email: "beheerder@knooppunt.test",
    jobFunction: "anders",
    jobFunctionOther: "Platformbeheerder",
    workplace: "Leidsche Rijn College",
    region: "Midden",
    bio: "Ik beheer Knooppunt: accounts, scholen en de uitgaande mail.",
    expertise: ["privacy", "ict in het onderwijs"],
    isPlatformAdmin: true,
  },
  {
    name: "Sanne de Vries",
    email: "coordinator@knooppunt.test",
    jobFunction: "anders",
    jobFunctionOther: "Programmacoördinator VO-academie",
    workplace: "Openbaar Lyceum Zeist",
    region: "Midden",
    bio: "Ik begeleid leernetwerken die steun aanvragen bij de VO-academie en help netwerken op weg in de zaaifase.",
    expertise: ["netwerkleren", "procesbegeleiding", "monitoring"],
    coordinates: { programme: "VO-academie" },
  },
  {
    name: "Wendy Zonneveld",
    email: "regiocoordinator@knooppunt.test",
    jobFunction: "hr",
    workplace: "De Brêge",
    region: "Noord",
    bio: "Regiocoördinator Stap 2 in het noorden. Ik verbind scholen rond strategisch HRM.",
    expertise: ["strategisch hrm", "leernetwerken", "professionele schoolorganisatie"],
    coordinates: { programme: "Stap 2", region: "Noord" },
  },
  // Stap 2 has a regiocoördinator in every region (seed H); the SHRM networks of Oost and Zuid
  // have no penvoerder, so theirs count the facilitated meetings and answer "Gaat het door?".
  {
    name: "Erik Schwartz",
    email: "regiocoordinator.oost@knooppunt.test",
    jobFunction: "hr",
    workplace: "Assink Lyceum",
    region: "Oost",
    bio: "Regiocoördinator Stap 2 in het oosten. Ik breng scholen samen rond strategisch HRM.",
    expertise: ["strategisch hrm", "leernetwerken"],
    coordinates: { programme: "Stap 2", region: "Oost" },
  },
  {
    name: "Lieke Janssen",
    email: "regiocoordinator.zuid@knooppunt.test",
    jobFunction: "hr",
    workplace: "",
    region: "Zuid",
    bio: "Regiocoördinator Stap 2 in het zuiden. Ik help leernetwerken op weg naar zelfstandigheid.",
    expertise: ["strategisch hrm", "leernetwerken", "krimp"],
    coordinates: { programme: "Stap 2", region: "Zuid" },
  },
  {
    name: "Marieke Bosman",
    email: "schoolbeheerder@knooppunt.test",
    jobFunction: "teamleider",
    workplace: "Baken Trinitas Gymnasium",
    region: "Midden",
    bio: "Teamleider onderbouw. We bouwen aan een netwerklerende school vanuit initiatiefkracht.",
    expertise: ["netwerkleren", "jaarthema", "initiatiefkracht"],
    organisationAdmin: true,
  },
  {
    name: "Femke Jansen",
    email: "deelnemer@knooppunt.test",
    jobFunction: "leraar",
    workplace: "Leidsche Rijn College",
    region: "Midden",
    bio: "Docent Engels. Samen met de sectie werk ik aan een gedeeld toetsmodel en betere afspraken.",
    expertise: ["toetsing", "differentiatie", "engels"],
  },
  {
    name: "Jan Paul Beekman",
    email: "jan.paul.beekman@knooppunt.test",
    jobFunction: "schoolleider",
    jobFunctionOther: "",
    workplace: "RSG Broklede",
    region: "Midden",
    bio: "Rector van RSG Broklede en penvoerder van het leernetwerk Eindverantwoordelijk Schoolleiders. Geen antwoorden, maar nieuwe vragen.",
    expertise: ["eindverantwoordelijkheid", "governance", "strategisch leiderschap"],
  },
  {
    name: "Jozef Geurtzen",
    email: "jozef.geurtzen@knooppunt.test",
    jobFunction: "bestuurder",
    workplace: "Assink Lyceum",
    region: "Oost",
    bio: "Bestuurder van het Assink Lyceum. Samen verantwoordelijk voor de inhoud van onze bijeenkomsten.",
    expertise: ["governance", "krimp", "samenwerking in de regio"],
    organisationAdmin: true,
  },
  {
    name: "Jacqueline Schoones",
    email: "jacqueline.schoones@knooppunt.test",
    jobFunction: "afdelingsleider",
    workplace: "Almere College",
    region: "Midden",
    bio: "Afdelingsleider praktijkonderwijs. Wat in de auto wordt besproken, blijft in de auto.",
    expertise: ["praktijkonderwijs", "vrouwelijk leiderschap", "intervisie"],
  },
  {
    name: "Karin Elferink",
    email: "karin.elferink@knooppunt.test",
    jobFunction: "teamleider",
    workplace: "Terra Eelde",
    region: "Noord",
    bio: "Teamleider. Ik wil gemotiveerd worden om leiding te geven, want dat doe ik graag.",
    expertise: ["vrouwelijk leiderschap", "intervisie", "groen onderwijs"],
  },
  {
    name: "Ella Verweij",
    email: "ella.verweij@knooppunt.test",
    jobFunction: "afdelingsleider",
    workplace: "Trivium College",
    region: "Midden",
    bio: "Afdelingsleider en penvoerder van Verbindend Vernieuwen. Hoe ontwikkelt een netwerk zich?",
    expertise: ["onderwijsvernieuwing", "mavo", "netwerkleren"],
  },
  {
    name: "Maud Croes",
    email: "maud.croes@knooppunt.test",
    jobFunction: "schoolleider",
    workplace: "Van der Meij College",
    region: "Noordwest",
    bio: "Schoolleider van een school voor top vmbo. Positief en toekomstgericht aan de slag.",
    expertise: ["vmbo", "waarderend onderzoeken", "onderwijsvernieuwing"],
  },
  {
    name: "Thijs Jan van der Leij",
    email: "thijs.jan.vanderleij@knooppunt.test",
    jobFunction: "schoolleider",
    workplace: "Farel College",
    region: "Midden",
    bio: "Rector van het Farel College en initiatiefnemer van Moreel beraad en Bildung.",
    expertise: ["bildung", "moreel beraad", "burgerschap"],
  },
  {
    name: "Carlo Pedroli",
    email: "carlo.pedroli@knooppunt.test",
    jobFunction: "schoolleider",
    workplace: "Openbaar Lyceum Zeist",
    region: "Midden",
    bio: "Rector. Leraren met lef verdienen directeuren met durf. Initiatiefnemer van Leidinggeven aan onderwijs van onderop.",
    expertise: ["onderwijs van onderop", "leraarschap", "curriculum"],
  },
  {
    name: "Helga Moll",
    email: "helga.moll@knooppunt.test",
    jobFunction: "schoolleider",
    workplace: "De Brêge",
    region: "Noord",
    bio: "Schoolleider van pro-school De Brêge. Ons netwerk van Friese praktijkscholen komt elke zes à acht weken bij elkaar.",
    expertise: ["praktijkonderwijs", "regionale samenwerking", "arbeidstoeleiding"],
  },
  {
    name: "Guus Geisen",
    email: "guus.geisen@knooppunt.test",
    jobFunction: "anders",
    jobFunctionOther: "Netwerkleider Netwerk Autopoiesis",
    workplace: "Basisschool De Vlinderboom (demo)",
    region: "Midden",
    bio: "Netwerkleider van Netwerk Autopoiesis. Leren en werken vanuit samenhang: missie, waarden en visie, verandermanagement en leidinggeven aan leren.",
    expertise: ["autopoiesis", "verandermanagement", "visiegestuurd onderwijs"],
  },
  {
    name: "Pieter Hoekstra",
    email: "pieter.hoekstra@knooppunt.test",
    jobFunction: "schoolleider",
    workplace: "Praktijkschool Sneek (demo)",
    region: "Noord",
    bio: "Schoolleider praktijkonderwijs in Sneek en deelnemer van het netwerk PRO Friesland.",
    expertise: ["praktijkonderwijs", "stages"],
  },
  {
    name: "Loes van Wessum",
    email: "loes.vanwessum@knooppunt.test",
    jobFunction: "anders",
    jobFunctionOther: "associate lector en docent",
    workplace: "",
    region: "Midden",
    bio: "Associate Lector Leiderschap in Onderwijs en Opvoeding; docent van de AVS-leergang Leiding geven aan een lerende school.",
    expertise: ["lerende school", "professionele groei", "leiderschapspraktijken"],
  },
  {
    name: "Sanne Kok",
    email: "sanne.kok@knooppunt.test",
    jobFunction: "schoolleider",
    workplace: "Kindcentrum Het Kompas (demo)",
    region: "Oost",
    bio: "Schoolleider PO; volgt de AVS-leergang over de lerende school.",
    expertise: ["teamleren", "onderzoekmatig werken"],
  },
  {
    name: "Ahmed El Idrissi",
    email: "ahmed.elidrissi@knooppunt.test",
    jobFunction: "teamleider",
    workplace: "Basisschool De Vlinderboom (demo)",
    region: "Midden",
    bio: "Teamleider onderbouw; maatje van Sanne in de leergang.",
    expertise: ["feedback", "coaching"],
  },
  {
    name: "Anouk Visser",
    email: "anouk.visser@knooppunt.test",
    jobFunction: "schoolleider",
    workplace: "Basisschool De Vlinderboom (demo)",
    region: "Midden",
    bio: "Directeur basisschool, bezig met herregistratie in het Schoolleidersregister PO via Netwerk Autopoiesis.",
    expertise: ["begaafdheid", "herregistratie", "visiegestuurd onderwijs"],
  },
  {
    name: "Marloes Smits",
    email: "marloes.smits@knooppunt.test",
    jobFunction: "schoolleider",
    workplace: "Kindcentrum Het Kompas (demo)",
    region: "Oost",
    bio: "Schoolleider van een kindcentrum in Zwolle. Mijn herregistratie komt eraan; ik zoek een netwerk dat me daar ook bij helpt.",
    expertise: ["kindcentrum", "teamontwikkeling"],
  },
  {
    name: "Ruud Meijer",
    email: "ruud.meijer@knooppunt.test",
    jobFunction: "intern-begeleider",
    workplace: "Kindcentrum Het Kompas (demo)",
    region: "Oost",
    bio: "Intern begeleider. Ik zoek collega's die ervaring hebben met passend onderwijs en begaafdheid.",
    expertise: ["begaafdheid", "passend onderwijs", "differentiatie"],
  },
  {
    name: "Lotte de Graaf",
    email: "lotte.degraaf@knooppunt.test",
    jobFunction: "leraar",
    workplace: "Baken Trinitas Gymnasium",
    region: "Midden",
    bio: "Docent klassieke talen. Schakel voor het jaarthema 'de eigen leerweg van de leerling'.",
    expertise: ["klassieke talen", "gymnasiumdag", "eigen leerweg"],
  },
  {
    name: "Fred Willems",
    email: "fred.willems@knooppunt.test",
    jobFunction: "leraar",
    workplace: "Leidsche Rijn College",
    region: "Midden",
    bio: "Docent Engels. Bedacht ooit ons toetsmodel; nu vooral bezig met formatief evalueren.",
    expertise: ["toetsing", "formatief evalueren", "engels"],
  },
];
