// Texts of the privacy and accessibility statements' pages in Dutch. The statements' own text is
// made from the register (app/modules/privacy/statement.server.ts); these are the pages around it.
export default {
  "privacy.title": "Privacyverklaring",
  "privacy.intro":
    "Welke persoonsgegevens Knooppunt verwerkt, waarvoor, op welke grond, hoe lang, en wat u ermee kunt. Deze pagina is gemaakt uit het register van persoonsgegevens in de software zelf.",
  "privacy.toc": "Op deze pagina",
  "privacy.register.heading": "Welke gegevens, waarvoor en hoe lang",
  "privacy.register.intro":
    "Per onderdeel van Knooppunt: welke gegevens, met welk doel en op welke grond, van wie, hoe lang ze blijven, en wat er gebeurt als iemand zijn account verwijdert.",
  "privacy.register.empty": "Het register is nog leeg.",
  "privacy.register.caption": "Persoonsgegevens in {module}",
  "privacy.col.data": "Gegevens",
  "privacy.col.purpose": "Doel en grondslag",
  "privacy.col.retention": "Bewaren en verwijderen",
  "privacy.row.source": "Van: {source}",
  "privacy.row.table": "Tabel {table}: {columns}",
  "privacy.row.ground": "Grondslag: {ground}",
  "privacy.row.erasure": "Bij verwijderen van het account: {rule}.",
  "privacy.download": "Privacybijsluiter (PDF)",
  "annex.title": "Bijlage 1 bij de verwerkersovereenkomst",
  "annex.intro":
    "De specificatie van de persoonsgegevens bij de verwerkersovereenkomst naar het model van het Privacyconvenant Onderwijs, ingevuld uit het register van Knooppunt.",
  "annex.pdf": "Bijlage 1 als PDF",
  "annex.back": "Terug naar de privacyverklaring",
  "accessibility.title": "Toegankelijkheidsverklaring",
  "accessibility.intro":
    "Hoe toegankelijk Knooppunt is, hoe dat getest wordt, wat nog niet goed is en waar u terechtkunt als iets niet werkt.",
};
