// The learning networks named in the seeds (V: VO-academie, A: Autopoiesis, H: Stap 2, S: AVS),
// with the facts the seeds give: size, rhythm, duration, routes and prices.

export interface DemoNetwork {
  name: string;
  kind?: "network" | "course";
  question: string;
  description?: string;
  themes: string[];
  sectors: string[];
  targetFunctions: string[];
  programme?: string;
  region?: string;
  status: "in-formation" | "active";
  openness: "open" | "closed";
  joinMode?: "direct" | "nomination";
  form: "online" | "location" | "mixed";
  meetingPattern: string;
  meetingsPerYear?: number;
  capacity: number;
  startDate?: string;
  endDate?: string;
  durationMonths?: number;
  facilitatorNote?: string;
  costsNote?: string;
  phase: "zaaien" | "cultiveren" | "oogsten";
  penvoerder?: string;
  members: string[];
  /** route (by position) per listed member; otherwise routes are handed out in turn */
  memberRoutes?: number[];
  /** extra generated participants, to reach the seed's size */
  extraMembers?: number;
  facilitatedMeetingsHeld?: number;
  continuation?: "continues" | "stops" | "intends";
  steps?: string[];
  routes?: {
    name: string;
    price: number;
    secondPrice?: number;
    includes?: string;
    extraCosts?: string;
    vatExempt?: boolean;
    steps: number[];
    minMeetings?: number;
    registerPoints?: number;
    registerThemes?: string[];
  }[];
}

export const voAcademyCriteria: [string, string | null, number | null][] = [
  [
    "Het leernetwerk is een initiatief vanuit het veld: schoolleiders of bestuurders geven zelf aan behoefte te hebben aan het netwerk",
    null,
    null,
  ],
  [
    "De aanvrager is werkzaam als leidinggevende in het voortgezet onderwijs",
    "applicant-vo-leader",
    null,
  ],
  [
    "Het leernetwerk is herkenbaar als netwerk en wordt gepresenteerd als open of gesloten netwerk",
    "published-openness",
    null,
  ],
  [
    "Het leernetwerk is gericht op professionalisering van de schoolleider of bestuurder",
    null,
    null,
  ],
  [
    "Het leernetwerk gaat akkoord met betrokkenheid van en monitoring door de VO-academie",
    null,
    null,
  ],
  ["Het leernetwerk komt minimaal drie keer per jaar samen", "min-meetings-per-year", 3],
  ["Er is tussentijds (de mogelijkheid tot) contact tussen deelnemers", null, null],
  ["Het leernetwerk telt minimaal zes vaste deelnemers", "min-members", 6],
  ["De VO-academie wordt bij (een deel van) minstens één bijeenkomst uitgenodigd", null, null],
  ["Het leernetwerk wordt ondersteund door een facilitator", "has-facilitator", null],
  ["Het leernetwerk wordt opgezet voor minimaal twee jaar", "min-duration-months", 24],
];

const autopoiesisSteps = [
  "De keuze om te willen innoveren op een lerende manier vanuit samenhang; aanmelden bij een van de netwerken",
  "Online intakegesprek om de route helder en scherp te maken",
  "Tijdens bijeenkomsten werken aan de kwaliteit van innovatie vanuit de kaders",
  "Online ontwikkelgesprek (individueel) om de route bij te stellen",
  "Tijdens bijeenkomsten werken aan de kwaliteit van innovatie; presenteren van het leer- en innovatieproces",
  "Online afrondend gesprek als voorbereiding op de afsluitende presentatie",
  "Afsluitende bijeenkomst met presentatie van het leer- en innovatieproces van leidinggevende, team en systeem",
  "Voortgang van het netwerk",
];

export const networks: DemoNetwork[] = [
  {
    name: "Netwerk Autopoiesis",
    question:
      "Hoe creëer je als schoolleider duurzame innovatie, voor jezelf, je team en je systeem?",
    description:
      "Voor leidinggevenden in het (speciaal) basisonderwijs die hun organisatie willen transformeren naar een lerend systeem. Elke school kiest zelf de innovatie waar ze aan werkt en brengt die in als casus.",
    themes: ["visiegestuurd onderwijs", "verandermanagement", "leidinggeven aan leren"],
    sectors: ["PO", "SO"],
    targetFunctions: ["schoolleider", "teamleider"],
    programme: "Netwerk Autopoiesis",
    status: "active",
    openness: "open",
    form: "mixed",
    meetingPattern: "10 dagdelen per jaar, 08.30–12.30",
    meetingsPerYear: 10,
    capacity: 16,
    startDate: "2026-01-13",
    endDate: "2026-12-31",
    durationMonths: 12,
    facilitatorNote: "Guus Geisen, netwerkleider",
    costsNote: "Aanvullende kosten: locatie en materialen (excl. btw).",
    phase: "cultiveren",
    penvoerder: "guus.geisen@knooppunt.test",
    members: ["anouk.visser@knooppunt.test"],
    memberRoutes: [1],
    extraMembers: 7,
    steps: autopoiesisSteps,
    routes: [
      {
        name: "Zonder herregistratie",
        price: 1450,
        secondPrice: 995,
        extraCosts: "Locatie en materialen (excl. btw)",
        vatExempt: true,
        steps: [1, 3, 5, 7, 8],
        minMeetings: 9,
      },
      {
        name: "Met herregistratie Schoolleider PO",
        price: 1950,
        secondPrice: 1495,
        includes:
          "Online startgesprek, ontwikkelgesprek, eindgesprek en certificaat; 85 punten na 10 bijeenkomsten",
        extraCosts: "Locatie en materialen (excl. btw)",
        vatExempt: true,
        steps: [1, 2, 3, 4, 5, 6, 7, 8],
        minMeetings: 9,
        registerPoints: 85,
        registerThemes: ["Visiegestuurd onderwijs", "Verandermanagement", "Leidinggeven aan leren"],
      },
    ],
  },
  {
    name: "Eindverantwoordelijk Schoolleiders",
    question:
      "Wat is de rol en de impact van de eindverantwoordelijk schoolleider, aan de binnenkant én de buitenkant van de school?",
    description:
      "In de traditie van ISIS: deelnemers namen na afloop het heft in eigen hand en gingen door. Een bijeenkomst wordt voorbereid met drie deelnemers, die casussen inbrengen.",
    themes: ["leiderschap", "organisatiedynamica", "eindverantwoordelijkheid"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider", "bestuurder"],
    programme: "VO-academie",
    status: "active",
    openness: "open",
    joinMode: "nomination",
    form: "location",
    meetingPattern: "2× per jaar een bijeenkomst van 24 uur",
    meetingsPerYear: 2,
    capacity: 16,
    // Meeting since 2006 with no end in sight: doorlopend, not "240 maanden".
    startDate: "2006-09-01",
    facilitatorNote: "Marc Coenders, praktijk leerarchitectuur",
    phase: "oogsten",
    penvoerder: "jan.paul.beekman@knooppunt.test",
    members: ["jozef.geurtzen@knooppunt.test"],
    extraMembers: 12,
    routes: [
      {
        name: "Deelname",
        price: 1200,
        includes: "Twee bijeenkomsten van 24 uur inclusief verblijf",
        steps: [],
      },
    ],
  },
  {
    name: "Vrouwelijk Leiderschap 1",
    question:
      "Hoe geef je als vrouw leiding op jouw manier, en wat heb je daarvoor van elkaar nodig?",
    themes: ["vrouwelijk leiderschap", "persoonlijk leiderschap"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider", "teamleider", "afdelingsleider", "bestuurder"],
    programme: "VO-academie",
    status: "active",
    openness: "closed",
    form: "location",
    meetingPattern: "3× per jaar, 16.00–19.00",
    meetingsPerYear: 3,
    capacity: 20,
    startDate: "2014-03-01",
    durationMonths: 36,
    facilitatorNote: "Procesbegeleider VO-academie",
    phase: "cultiveren",
    members: ["jacqueline.schoones@knooppunt.test"],
    extraMembers: 19,
  },
  {
    name: "Vrouwelijk Leiderschap 2",
    question:
      "Hoe geef je als vrouw leiding op jouw manier, en wat heb je daarvoor van elkaar nodig?",
    description:
      "Gestart omdat de belangstelling voor het eerste netwerk veel groter was dan het aantal plaatsen.",
    themes: ["vrouwelijk leiderschap", "intervisie"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider", "teamleider", "afdelingsleider"],
    programme: "VO-academie",
    status: "active",
    openness: "closed",
    form: "location",
    meetingPattern: "3× per jaar, 16.00–19.00",
    meetingsPerYear: 3,
    capacity: 20,
    startDate: "2014-09-01",
    durationMonths: 36,
    phase: "zaaien",
    members: ["karin.elferink@knooppunt.test"],
    extraMembers: 18,
  },
  {
    name: "Verbindend Vernieuwen",
    question: "Hoe vernieuw je het onderwijs zo dat mensen en plannen met elkaar verbonden raken?",
    themes: ["onderwijsvernieuwing", "verbinding", "waarderend onderzoeken"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider", "afdelingsleider", "teamleider"],
    programme: "VO-academie",
    status: "active",
    openness: "open",
    form: "location",
    meetingPattern: "3 per jaar; 8-uurs en 24-uurs bijeenkomsten wisselen elkaar af",
    meetingsPerYear: 3,
    capacity: 20,
    startDate: "2015-01-15",
    durationMonths: 24,
    facilitatorNote: "Externe facilitator",
    phase: "cultiveren",
    penvoerder: "ella.verweij@knooppunt.test",
    members: ["maud.croes@knooppunt.test", "jacqueline.schoones@knooppunt.test"],
    extraMembers: 8,
  },
  {
    name: "Ondernemend Leren",
    question: "Hoe geef je ondernemend leren een plek in het onderwijs van Entreprenasiumscholen?",
    themes: ["ondernemend leren", "entreprenasium", "competenties"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider", "leraar", "teamleider"],
    programme: "VO-academie",
    status: "active",
    openness: "open",
    form: "mixed",
    meetingPattern: "6 bijeenkomsten per jaar, van 2 tot 8 uur",
    meetingsPerYear: 6,
    capacity: 30,
    durationMonths: 12,
    phase: "cultiveren",
    members: [],
    extraMembers: 10,
  },
  {
    name: "Moreel Beraad en Bildung",
    question:
      "Hoe voeren we in de school het gesprek over wat goed onderwijs is, en wat betekent Bildung vandaag?",
    themes: ["bildung", "moreel beraad", "burgerschap"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider", "bestuurder"],
    programme: "VO-academie",
    status: "active",
    openness: "open",
    form: "location",
    meetingPattern: "6 bijeenkomsten van 4 uur",
    meetingsPerYear: 6,
    capacity: 20,
    startDate: "2026-09-15",
    durationMonths: 10,
    phase: "zaaien",
    penvoerder: "thijs.jan.vanderleij@knooppunt.test",
    members: [],
    extraMembers: 5,
    routes: [{ name: "Deelname", price: 750, steps: [] }],
  },
  {
    name: "Persoonlijk Leiderschap",
    question: "Hoe blijf je jezelf als leidinggevende, ook onder druk?",
    themes: ["persoonlijk leiderschap"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider", "teamleider"],
    status: "in-formation",
    openness: "open",
    form: "mixed",
    meetingPattern: "6 bijeenkomsten van een dagdeel",
    meetingsPerYear: 6,
    capacity: 12,
    durationMonths: 18,
    phase: "zaaien",
    members: [],
  },
  {
    name: "Smart Government",
    question: "Hoe besturen we slim, met minder regels en meer vertrouwen?",
    themes: ["governance", "besturen"],
    sectors: ["VO"],
    targetFunctions: ["bestuurder"],
    status: "in-formation",
    openness: "open",
    form: "location",
    meetingPattern: "6 bijeenkomsten van een dagdeel",
    capacity: 12,
    durationMonths: 18,
    phase: "zaaien",
    members: [],
  },
  {
    name: "Leidinggeven aan onderwijs van onderop",
    question:
      "Leraren met lef verdienen directeuren met durf: hoe geef je ruimte aan onderwijs dat van onderop ontstaat?",
    themes: ["onderwijs van onderop", "leraarschap"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider"],
    status: "in-formation",
    openness: "open",
    form: "location",
    meetingPattern: "6 bijeenkomsten van een dagdeel",
    capacity: 12,
    durationMonths: 18,
    phase: "zaaien",
    penvoerder: "carlo.pedroli@knooppunt.test",
    members: [],
  },
  {
    name: "PRO Friesland",
    question: "Hoe versterken de Friese praktijkscholen elkaar, van stages tot arbeidstoeleiding?",
    themes: ["praktijkonderwijs", "arbeidstoeleiding", "strategisch hrm"],
    sectors: ["VO"],
    targetFunctions: ["schoolleider"],
    programme: "Stap 2",
    region: "Noord",
    status: "active",
    openness: "open",
    form: "location",
    meetingPattern: "elke zes à acht weken",
    meetingsPerYear: 7,
    capacity: 6,
    phase: "oogsten",
    penvoerder: "helga.moll@knooppunt.test",
    members: ["pieter.hoekstra@knooppunt.test"],
    extraMembers: 4,
    facilitatedMeetingsHeld: 5,
    continuation: "continues",
  },
  {
    name: "SHRM-leernetwerk regio Oost",
    question: "Hoe verbinden we onderwijsontwikkeling en strategisch personeelsbeleid?",
    themes: ["strategisch hrm", "professionele schoolorganisatie"],
    sectors: ["VO"],
    targetFunctions: ["hr", "schoolleider", "bestuurder"],
    programme: "Stap 2",
    region: "Oost",
    status: "active",
    openness: "open",
    form: "mixed",
    meetingPattern: "5 gefaciliteerde bijeenkomsten, daarna zelfstandig",
    meetingsPerYear: 5,
    capacity: 15,
    phase: "cultiveren",
    members: [],
    extraMembers: 7,
    facilitatedMeetingsHeld: 3,
  },
  {
    name: "SHRM-leernetwerk regio Zuid",
    question: "Hoe houden we goede mensen vast in een krimpende regio?",
    themes: ["strategisch hrm", "krimp"],
    sectors: ["VO"],
    targetFunctions: ["hr", "bestuurder"],
    programme: "Stap 2",
    region: "Zuid",
    status: "active",
    openness: "open",
    form: "location",
    meetingPattern: "5 gefaciliteerde bijeenkomsten, daarna zelfstandig",
    meetingsPerYear: 5,
    capacity: 15,
    phase: "oogsten",
    members: [],
    extraMembers: 6,
    facilitatedMeetingsHeld: 5,
  },
  {
    name: "Leergang Leiding geven aan een lerende school",
    kind: "course",
    question:
      "Welke leiderschapspraktijken en persoonlijke bronnen dragen bij aan het ontwikkelen van een lerende school?",
    description:
      "Een leergang van de AVS Academie met Loes van Wessum: vijf contactdagen, zelfstudieopdrachten met tussentijdse feedback, een eindproduct met persoonlijke reflectie, maatjes en een literatuurlijst. Herregistratiewaarde 70%.",
    themes: ["lerende school", "leidinggeven aan leren"],
    sectors: ["PO"],
    targetFunctions: ["schoolleider"],
    programme: "AVS Academie",
    status: "active",
    openness: "closed",
    form: "location",
    meetingPattern: "5 contactdagen van 8 uur",
    meetingsPerYear: 5,
    capacity: 24,
    startDate: "2026-10-01",
    endDate: "2027-06-30",
    durationMonths: 9,
    phase: "cultiveren",
    penvoerder: "loes.vanwessum@knooppunt.test",
    members: ["sanne.kok@knooppunt.test", "ahmed.elidrissi@knooppunt.test"],
    extraMembers: 3,
    routes: [
      {
        name: "Leergang met herregistratie",
        price: 2850,
        includes: "Contactdagen, feedback op opdrachten, literatuur en certificaat",
        vatExempt: true,
        steps: [],
      },
    ],
  },
];

const firstNames = [
  "Annemiek",
  "Bas",
  "Carla",
  "Dirk",
  "Esther",
  "Frank",
  "Gerda",
  "Hans",
  "Ingrid",
  "Joost",
  "Karin",
  "Leon",
  "Mirjam",
  "Nico",
  "Petra",
  "Rob",
  "Sandra",
  "Theo",
  "Ulla",
  "Vincent",
  "Wilma",
  "Yvonne",
  "Anita",
  "Ellen",
  "Hanneke",
  "Linda",
  "Monique",
  "Nathalie",
  "Renate",
  "Saskia",
];
const lastNames = [
  "Bakker",
  "Visser",
  "Smit",
  "Mulder",
  "de Boer",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "Dekker",
  "Brouwer",
  "Dijkstra",
  "Jacobs",
  "van Dam",
  "Kok",
  "Verhoeven",
  "Koster",
  "Prins",
  "Huisman",
  "Postma",
];

/** Believable extra participants; women for the Vrouwelijk Leiderschap networks. */
export function extraPerson(index: number, women: boolean) {
  const womenNames = [
    "Annemiek",
    "Carla",
    "Esther",
    "Gerda",
    "Ingrid",
    "Karin",
    "Mirjam",
    "Petra",
    "Sandra",
    "Ulla",
    "Wilma",
    "Yvonne",
    "Anita",
    "Ellen",
    "Hanneke",
    "Linda",
    "Monique",
    "Nathalie",
    "Renate",
    "Saskia",
  ];
  const first = women
    ? (womenNames[index % womenNames.length] as string)
    : (firstNames[index % firstNames.length] as string);
  const last = lastNames[(index * 7) % lastNames.length] as string;
  const slug = `${first}.${last}`
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[^a-z.]/g, "");
  return { name: `${first} ${last}`, email: `${slug}.${index}@knooppunt.test` };
}
