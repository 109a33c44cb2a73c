import type { Locale } from "#app/i18n/locale.ts";
import { privacyContact, type StatementSection } from "./statement.server.ts";

/**
 * The accessibility statement after the model of digitoegankelijk.nl: status, how it was
 * tested, what does not comply yet, contact. Honest by design: without an audit by an
 * independent expert the status cannot be "voldoet volledig"; the tests below are what the
 * project really runs (tests/e2e). Update `checkedOn` and the gaps when either changes.
 */
const checkedOn = "2026-11-27";

export function accessibilityStatement(locale: Locale) {
  const { email, processor } = privacyContact();
  const nl = locale === "nl";
  const sections: StatementSection[] = nl
    ? [
        {
          id: "status",
          heading: "Status: voldoet gedeeltelijk",
          paragraphs: [
            `${processor} wil dat iedereen Knooppunt kan gebruiken en streeft naar WCAG 2.1 niveau AA (de norm EN 301 549 die ook voor overheden geldt). Knooppunt voldoet daar gedeeltelijk aan: de pagina's doorstaan de automatische toetsen, maar er is nog geen onderzoek door een onafhankelijke deskundige, en een paar onderdelen voldoen niet volledig (zie hieronder).`,
          ],
        },
        {
          id: "getest",
          heading: "Wat getest is en hoe",
          paragraphs: [
            "Bij elke wijziging van de software lopen geautomatiseerde browsertoetsen (Playwright in Chromium) door de echte toepassing, zoals een gebruiker dat doet:",
          ],
          items: [
            "axe-core toetst elke bezochte pagina en elke toestand van een pagina op alle regels van WCAG 2.0 en 2.1, niveau A en AA. Een toets faalt als er één overtreding is, of als een bezochte pagina niet getoetst is.",
            "Dezelfde toetsen lopen op een laptopscherm en op een telefoonscherm (Pixel 7); op de telefoon wordt ook gecontroleerd dat pagina's niet breder zijn dan het scherm.",
            "Toetsenbord: de link 'Naar de inhoud' is de eerste tabstop en brengt de focus naar de inhoud; alle formulieren en knoppen zijn gewone HTML-elementen en met het toetsenbord te bedienen; knooppunten in de netwerkanalyse zijn met de pijltoetsen te verplaatsen.",
            "Taal: de pagina geeft haar taal door (Nederlands of Engels) en de taalknop zegt in de andere taal wat hij doet.",
            "Foutmeldingen staan als Nederlandse zin bij het veld en zijn aan het veld gekoppeld.",
          ],
        },
        {
          id: "afwijkingen",
          heading: "Wat nog niet voldoet",
          paragraphs: [],
          items: [
            "De kennisplattegrond ('Netwerken in beeld') is een tekening op canvas. Een schermlezer hoort alleen hoeveel mensen en verbindingen erop staan; wie wat weet, staat wel als tekst op 'Wie weet wat?'.",
            "Grafieken (bijvoorbeeld op het dashboard en bij peilingen) hebben een titel voor schermlezers; de cijfers staan in de tabel erbij, niet in de grafiek zelf.",
            "De PDF's (certificaten, het herregistratieoverzicht, de privacybijsluiter) zijn geen getagde PDF's: een schermlezer leest de tekst, maar niet de structuur van koppen en lijsten. De inhoud van de privacybijsluiter staat ook als webpagina op /privacy.",
            "Met een schermlezer en met vergroting is Knooppunt nog niet systematisch door mensen getest.",
          ],
        },
        {
          id: "datum",
          heading: "Datum",
          paragraphs: [
            `Deze verklaring is opgesteld op 27 november 2026 (${checkedOn}). De automatische toetsen lopen bij elke wijziging opnieuw.`,
          ],
        },
        {
          id: "contact",
          heading: "Contact en klachten",
          paragraphs: [
            `Loopt u ergens tegenaan of kunt u iets niet gebruiken? Mail ${email}; u krijgt binnen vijf werkdagen antwoord, en zo nodig de informatie op een andere manier.`,
            "Bent u niet tevreden met het antwoord, dan kunt u bij de organisatie die uw netwerk of school vertegenwoordigt terecht, en voor overheidsorganisaties bij de Nationale ombudsman.",
          ],
        },
      ]
    : [
        {
          id: "status",
          heading: "Status: partially compliant",
          paragraphs: [
            `${processor} wants everyone to be able to use Knooppunt and aims at WCAG 2.1 level AA (the EN 301 549 standard that Dutch public bodies must meet). Knooppunt partially complies: its pages pass the automated checks, but there has been no audit by an independent expert yet, and a few parts do not fully comply (see below).`,
          ],
        },
        {
          id: "getest",
          heading: "What was tested and how",
          paragraphs: [
            "With every change to the software, automated browser journeys (Playwright in Chromium) walk through the real application as a person would:",
          ],
          items: [
            "axe-core checks every page and every state of a page visited against all WCAG 2.0 and 2.1 rules, levels A and AA. A journey fails on a single violation, or when a page it visited was not checked.",
            "The same journeys run on a laptop screen and on a phone screen (Pixel 7); on the phone they also check that pages are no wider than the screen.",
            "Keyboard: the 'Skip to content' link is the first tab stop and moves focus to the content; all forms and buttons are plain HTML elements that work with a keyboard; nodes in the network analysis move with the arrow keys.",
            "Language: each page states its language (Dutch or English) and the language button says what it does in the other language.",
            "Error messages are sentences next to the field, tied to the field.",
          ],
        },
        {
          id: "afwijkingen",
          heading: "What does not comply yet",
          paragraphs: [],
          items: [
            "The knowledge map ('Networks in view') is a drawing on a canvas. A screen reader hears only how many people and links it shows; who knows what is available as text on 'Who knows what?'.",
            "Charts (on the dashboard and with polls, for example) have a title for screen readers; the figures are in the table next to them, not in the chart itself.",
            "The PDFs (certificates, the re-registration overview, the privacybijsluiter) are not tagged PDFs: a screen reader reads the text but not the structure of headings and lists. The privacybijsluiter's content is also a web page at /privacy.",
            "Knooppunt has not yet been tested systematically by people using a screen reader or magnification.",
          ],
        },
        {
          id: "datum",
          heading: "Date",
          paragraphs: [
            `This statement was drawn up on 27 November 2026 (${checkedOn}). The automated checks run again with every change.`,
          ],
        },
        {
          id: "contact",
          heading: "Contact and complaints",
          paragraphs: [
            `Is something in your way, or can you not use a part? Mail ${email}; you get an answer within five working days, and the information in another form if needed.`,
            "If you are not satisfied with the answer, turn to the organisation that represents your network or school, and for public bodies to the Dutch National Ombudsman.",
          ],
        },
      ];
  return { checkedOn, sections };
}
