// Texts of Mijn gegevens (/account/gegevens): a person's copy of their data and deleting their
// account (AVG art. 15, 17 and 20), in Dutch.
export default {
  "rights.title": "Mijn gegevens",
  "rights.intro":
    "Download alles wat Knooppunt over je bewaart, of verwijder je account. Wat we bewaren en waarom staat in de privacyverklaring.",
  "rights.privacyLink": "Lees de privacyverklaring",
  "rights.export.heading": "Je gegevens downloaden",
  "rights.export.intro":
    "Je krijgt een ZIP-bestand met per onderdeel van Knooppunt je gegevens als JSON (een tekstformaat dat andere programma's kunnen inlezen), de bestanden die je zelf hebt geüpload, en een uitleg. Het maken duurt even; je krijgt een mail als het klaar is.",
  "rights.export.start": "Mijn gegevens downloaden",
  "rights.export.again": "Opnieuw maken",
  "rights.export.retry": "Opnieuw proberen",
  "rights.export.started": "We zijn begonnen met het verzamelen van je gegevens.",
  "rights.export.pending": "Je aanvraag staat klaar om te beginnen.",
  "rights.export.running": "We verzamelen je gegevens: {progress} procent klaar.",
  "rights.export.step": "Nu bij: {module} ({number} van {count})",
  "rights.export.progressLabel": "Voortgang van je download",
  "rights.export.refreshes":
    "Deze pagina ververst zichzelf. Je mag hem ook sluiten: je krijgt een mail als het klaar is.",
  "rights.export.ready": "Je gegevens staan klaar.",
  "rights.export.download": "Download je gegevens (ZIP, {size})",
  "rights.export.until":
    "Gemaakt op {made}. Je kunt het bestand downloaden tot {until}; daarna verwijderen we het.",
  "rights.export.failed":
    "Het verzamelen van je gegevens is niet gelukt. Probeer het opnieuw; lukt het dan weer niet, neem dan contact op via het adres in de privacyverklaring.",
  "rights.export.failedAt": "Het ging mis bij: {module}.",
  "rights.export.rateLimited":
    "Je hebt vandaag al {count} keer je gegevens laten verzamelen. Probeer het morgen opnieuw.",
  "rights.delete.heading": "Account verwijderen",
  "rights.delete.intro":
    "Als je je account verwijdert, kun je niet meer inloggen en gebeurt met je gegevens wat hieronder staat. Dit kan niet ongedaan worden gemaakt. Wil je iets bewaren? Download dan eerst je gegevens.",
  "rights.delete.rule.delete": "Wordt verwijderd",
  "rights.delete.rule.anonymise": "Blijft staan als “oud-lid”, zonder je naam",
  "rights.delete.rule.keep": "Wordt bewaard, en waarom",
  "rights.delete.item": "{module}: {data}",
  "rights.delete.reauth.heading": "Bevestig dat jij het bent",
  "rights.delete.reauth.password": "Vul je wachtwoord in.",
  "rights.delete.reauth.sso":
    "Log opnieuw in bij je schoolaccount om te bevestigen dat jij het bent.",
  "rights.delete.reauth.button": "Bevestigen met {name}",
  "rights.delete.reauth.done":
    "Je hebt bevestigd met je schoolaccount. Rond het verwijderen binnen 10 minuten af.",
  "rights.delete.reauth.none":
    "Je account heeft geen wachtwoord en geen gekoppeld schoolaccount waarmee je kunt bevestigen. Kies eerst een wachtwoord via ‘Wachtwoord vergeten’.",
  "rights.delete.password": "Je wachtwoord",
  "rights.delete.confirmation": "Typ verwijder om te bevestigen",
  "rights.delete.confirmation.hint": "Of typ je e-mailadres.",
  "rights.delete.submit": "Mijn account definitief verwijderen",
  "rights.deleted": "Je account is verwijderd. Bedankt dat je meedeed.",
  "rights.error.password.required": "Vul je wachtwoord in.",
  "rights.error.password.wrong": "Dit wachtwoord klopt niet.",
  "rights.error.confirmation": "Typ het woord verwijder (of je e-mailadres) om te bevestigen.",
  "rights.error.proof":
    "Je bevestiging via je schoolaccount is verlopen of al gebruikt. Bevestig opnieuw.",
  "rights.error.rateLimited":
    "Te vaak een verkeerd wachtwoord. Probeer het over {minutes} minuten opnieuw.",
};
