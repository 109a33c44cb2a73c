// Mail texts, server only in Dutch, ICU MessageFormat. English has every key (en.server.ts).
export default {
  "mail.footer": "Knooppunt — samen leren in netwerken",
  "mail.layout.open": "Openen in Knooppunt",
  "mail.layout.settings": "Kies welke mail je krijgt:",
  "mail.layout.settingsLink": "Meldingen instellen",
  "mail.layout.unsubscribe": "Geen mail meer van deze soort (één klik):",
  "mail.layout.unsubscribeLink": "Afmelden",
  "mail.reason.account":
    "Je krijgt deze mail omdat er iets met je Knooppunt-account gebeurde of je er een aanvroeg. Mail over je account kun je niet uitzetten.",
  "mail.reason.notification":
    "Je krijgt deze mail omdat je meldingen van dit soort per e-mail ontvangt.",
  "mail.reason.discussion":
    "Je krijgt deze mail omdat je de discussie van {network} per e-mail volgt.",
  "mail.reason.other": "Je krijgt deze mail omdat je bij Knooppunt meedoet.",
  "mail.reason.reply": "Je krijgt deze mail omdat je Knooppunt een bericht stuurde.",
  "mail.verify.subject": "Bevestig je e-mailadres voor Knooppunt",
  "mail.verify.body":
    "Beste {name},\n\nWelkom bij Knooppunt! Bevestig je e-mailadres via deze link:\n\n{url}\n\nDe link werkt 48 uur. Heb je geen account aangemaakt? Dan kun je deze mail negeren.\n\nKnooppunt",
  "mail.alreadyRegistered.subject": "Je hebt al een account bij Knooppunt",
  "mail.alreadyRegistered.body":
    "Beste {name},\n\nIemand probeerde een account te maken met dit e-mailadres, maar je hebt er al een.\n\nInloggen:\n{loginUrl}\n\nWachtwoord vergeten:\n{resetUrl}\n\nWas jij dit niet? Dan kun je deze mail negeren.\n\nKnooppunt",
  "mail.reset.subject": "Kies een nieuw wachtwoord voor Knooppunt",
  "mail.reset.body":
    "Beste {name},\n\nJe vroeg om een nieuw wachtwoord. Kies het via deze link:\n\n{url}\n\nDe link werkt een uur. Heb je dit niet gevraagd? Dan kun je deze mail negeren; je wachtwoord blijft hetzelfde.\n\nKnooppunt",
  "mail.magicLink.subject": "Je inloglink voor Knooppunt",
  "mail.magicLink.body":
    "Beste {name},\n\nLog in bij Knooppunt via deze link:\n\n{url}\n\nDe link werkt 15 minuten en maar één keer. Heb je dit niet gevraagd? Dan kun je deze mail negeren.\n\nKnooppunt",
  "mail.placeOffered.subject": "Er is een plek vrij in {network}",
  "mail.placeOffered.body":
    "Beste {name},\n\nEr is een plek vrijgekomen in het leernetwerk {network}, en jij bent de eerste op de wachtlijst.\n\nNeem de plek binnen {days} dagen aan via:\n\n{url}\n\nDaarna gaat de plek naar de volgende op de lijst.\n\nKnooppunt",
  "mail.intake.subject": "Nieuwe aanmelding voor {network}: intake nodig",
  "mail.intake.body":
    "Beste collega,\n\n{name} heeft zich na een voordracht aangemeld voor {network}. Plan het intakegesprek en neem daarna een besluit:\n\n{url}\n\nKnooppunt",
  "mail.nominated.subject": "Je bent voorgedragen voor {network}",
  "mail.nominated.body":
    "Beste {name},\n\n{by} heeft je voorgedragen voor het leernetwerk {network}.\n\nToelichting: {note}\n\nMeld je aan via deze link:\n\n{url}\n\nDaarna volgt een intakegesprek met de penvoerder.\n\nKnooppunt",
  "mail.intakeAccepted.subject": "Welkom in {network}",
  "mail.intakeAccepted.body":
    "Beste {name},\n\nNa de intake ben je aangenomen als lid van {network}.\n\nBericht van de penvoerder: {message}\n\n{url}\n\nKnooppunt",
  "mail.intakeDeclined.subject": "Je aanmelding voor {network}",
  "mail.intakeDeclined.body":
    "Beste {name},\n\nNa de intake is besloten dat je niet deelneemt aan {network}.\n\nBericht van de penvoerder: {message}\n\nKnooppunt",
  "mail.secondNetwork.subject": "Je plek in {network}",
  "mail.secondNetwork.body":
    "Beste {name},\n\nOmdat de wachtlijst zo lang was, is er een tweede netwerk gestart: {network}. Je bent daar nu lid van; je plek op de wachtlijst van {previous} vervalt.\n\n{url}\n\nKnooppunt",
  "mail.secondNetworkWaiting.subject": "Je staat op de wachtlijst van {network}",
  "mail.secondNetworkWaiting.body":
    "Beste {name},\n\nOmdat de wachtlijst zo lang was, is er een tweede netwerk gestart: {network}. Ook dat netwerk is vol, dus je bent nog geen lid. Je staat nu op de wachtlijst van {network}, op plaats {position}; de wachtlijst van {previous} vervalt. Komt er een plek vrij, dan krijg je een e-mail.\n\n{url}\n\nKnooppunt",
  "mail.meetingMoved.subject": "Bijeenkomst {network} verplaatst naar {when}",
  "mail.meetingMoved.body":
    "Beste {name},\n\nDe bijeenkomst van {network} van {before} is verplaatst naar {when}.\n\nBekijk de bijeenkomst:\n{link}\n\nKnooppunt",
  "mail.meetingPlaceChanged.subject": "Bijeenkomst {network} van {when}: andere plek",
  "mail.meetingPlaceChanged.body":
    "Beste {name},\n\nDe bijeenkomst van {network} van {when} is nu {mode, select, online {online} other {op {address}}}.\n\nBekijk de bijeenkomst:\n{link}\n\nKnooppunt",
  "mail.meetingCancelled.subject": "Bijeenkomst {network} van {when} gaat niet door",
  "mail.meetingCancelled.body":
    "Beste {name},\n\nDe bijeenkomst van {network} van {when} gaat niet door.\n\n{link}\n\nKnooppunt",
  "mail.meetingReminder.subject": "Herinnering: {network} op {when}",
  "mail.meetingReminder.body":
    "Beste {name},\n\nJe bijeenkomst van {network} is op {when}. Thema: {theme}.\n\nProgramma, casussen en link:\n{link}\n\nHerinneringen zet je aan of uit op je agenda in Knooppunt.\n\nKnooppunt",
  "mail.dueReminder.subject": "Herinnering: {title} inleveren vóór {when}",
  "mail.dueReminder.body":
    'Beste {name},\n\nDe opdracht "{title}" van {network} moet uiterlijk {when} ingeleverd zijn.\n\n{link}\n\nHerinneringen zet je aan of uit op je agenda in Knooppunt.\n\nKnooppunt',
  "mail.feedbackGiven.subject": "{author} gaf feedback op {title}",
  "mail.feedbackGiven.body":
    'Beste {name},\n\n{author} gaf feedback op je opdracht "{title}" in {network}. Lees de feedback bij je opdracht:\n{link}\n\nKnooppunt',
  "mail.slotsProposed.subject": "{facilitator} stelt tijden voor: {step}",
  "mail.slotsProposed.body":
    "Beste {name},\n\n{facilitator} stelt tijden voor voor je gesprek in {network} ({step}). Kies een tijd op je route:\n{link}\n\nKnooppunt",
  "mail.slotConfirmed.subject": "{member} koos {when} voor het gesprek",
  "mail.slotConfirmed.body":
    "Beste {name},\n\n{member} koos {when} voor het gesprek.\n\n{link}\n\nKnooppunt",
  "mail.registerReminder.subject": "Herregistratie: nog {needed} punten nodig vóór {due}",
  "mail.registerReminder.body":
    "Beste {name},\n\nJe herregistratie in het Schoolleidersregister PO is op {due}. Je hebt {points} punten; je hebt nog {needed} punten nodig.\n\nBekijk je overzicht en voeg activiteiten toe:\n{link}\n\nKnooppunt",
  "mail.survey.subject": "Vragenlijst {network}: {title}",
  "mail.survey.body":
    'Beste {name},\n\nWil je de vragenlijst "{title}" van {network} invullen? Het kost vijf minuten. {anonymous, select, yes {Je antwoorden zijn anoniem.} other {Je antwoorden zijn niet anoniem.}}\n\nDeze link is alleen voor jou en werkt één keer; je hoeft niet in te loggen:\n{link}\n\nKnooppunt',
  "mail.surveyReminder.subject": "Herinnering: vragenlijst {network}",
  "mail.surveyReminder.body":
    'Beste {name},\n\nJe hebt de vragenlijst "{title}" van {network} nog niet ingevuld. Hier is een nieuwe link (de vorige werkt niet meer):\n{link}\n\nKnooppunt',
  "mail.discussion.subject": "[{network}] {reply, select, yes {Re: } other {}}{title}",
  "mail.discussion.body":
    "{marker}\n\nBeste {name},\n\n{author} schreef in {network}:\n\n{body}\n\n---\nBekijk het in Knooppunt:\n{link}\n\nAntwoord op deze mail om te reageren; je reactie komt in de discussie.",
  "mail.digest.subject":
    "{mode, select, weekly {Wekelijks overzicht: {network}} other {Dagelijks overzicht: {network}}}",
  "mail.digest.newTopic": "Nieuw:",
  "mail.digest.body":
    "Beste {name},\n\nNieuw in de discussie van {network}:\n\n{topics}\n\nAlles lezen:\n{link}\n\nKnooppunt",
  "mail.bounce.subject": "Niet geplaatst: je bericht aan Knooppunt",
  "mail.bounce.body":
    "Beste afzender,\n\nJe bericht aan Knooppunt is niet geplaatst.\n\n{reason}\n\nKnooppunt",
  "mail.bounce.unknownAddress": "Dit adres hoort niet bij een netwerk of onderwerp in Knooppunt.",
  "mail.bounce.unknownSender":
    "Je afzenderadres hoort niet bij een account in Knooppunt. Stuur je bericht vanaf het adres waarmee je inlogt.",
  "mail.bounce.notMember":
    "Je bent (nog) geen lid van dit netwerk, dus je kunt hier niet in de discussie schrijven.",
  "mail.bounce.forgedSender":
    "Dit antwoordadres hoort bij iemand anders. Reageer op je eigen meldingsmail of in Knooppunt zelf.",
  "mail.bounce.topicGone": "Het onderwerp waarop je reageert is verwijderd.",
  "mail.bounce.empty":
    "Je bericht was leeg (alleen de geciteerde tekst). Schrijf je reactie boven de citaten.",
  "mail.bounce.badTitle": "Het onderwerp van je mail wordt de titel: gebruik 5 tot 150 tekens.",
  "mail.bounce.attachment":
    "Een bijlage is te groot (meer dan 10 MB), van een soort die niet mag, of het zijn er meer dan 5.",
  "mail.bounce.tooManyHeld":
    "Er wachten al vijf berichten op jouw naam op bevestiging; dit bericht is niet bewaard.",
  "mail.heldInbound.subject": "Bevestig je bericht aan {network}",
  "mail.heldInbound.body":
    "Beste {name},\n\nKnooppunt kreeg een mail op jouw naam voor de discussie van {network}. We konden niet nagaan dat die echt van jou komt, dus staat hij nog niet in de discussie.\n\nHeb jij hem gestuurd? Open deze link, log in en kies Plaatsen:\n{link}\n\nWas jij het niet? Doe dan niets: het bericht wordt na {days} dagen weggegooid.\n\nKnooppunt",
  "mail.buddyActivity.subject": "Nieuw in je maatjesgroep",
  "mail.buddyActivity.body":
    "Beste {name},\n\nEr is iets nieuws in je maatjesgroep. Wat er staat, lees je in Knooppunt (na inloggen):\n{link}\n\nKnooppunt",
  "mail.intervisionActivity.subject": "Nieuw in je intervisiegroep",
  "mail.intervisionActivity.body":
    "Beste {name},\n\nEr is iets nieuws in je intervisiegroep. Wat er staat, lees je in Knooppunt (na inloggen):\n{link}\n\nKnooppunt",
  "mail.analysisInvite.subject": "{sender} nodigt je uit: {centre}",
  "mail.analysisInvite.body":
    'Beste {name},\n\n{sender} werkt aan "{centre}" en denkt dat jij daarin een belangrijke schakel kunt zijn.\n\n{story}\n\nBekijk het in Knooppunt:\n{link}\n\nKnooppunt',
  "mail.newsletter.subject": "{theme}: {title}",
  "mail.newsletter.body":
    "Beste {name},\n\n{body}\n\nMeer over het thema:\n{link}\n\nJe krijgt deze nieuwsbrief omdat je je erop hebt geabonneerd; afmelden doe je op dezelfde pagina.\n\nKnooppunt",
  "mail.workplaceRequested.subject": "Aanvraag: {requester} werkt bij {school}",
  "mail.workplaceRequested.body":
    "Beste {name},\n\n{requester} geeft op Knooppunt aan bij {school} te werken. Pas als jij (of een andere beheerder) dat bevestigt, ziet {requester} de collega's en het netwerklerend werken van de school.\n\nBevestig of wijs af onder Aanvragen:\n{link}\n\nKnooppunt",
  "mail.workplaceConfirmed.subject": "{school} heeft bevestigd dat je er werkt",
  "mail.workplaceConfirmed.body":
    "Beste {name},\n\n{school} heeft bevestigd dat je er werkt. Je ziet nu je collega's en het netwerklerend werken van de school:\n{link}\n\nKnooppunt",
  "mail.workplaceDeclined.subject": "{school} heeft je aanvraag niet bevestigd",
  "mail.workplaceDeclined.body":
    "Beste {name},\n\nJe gaf op Knooppunt aan dat je bij {school} werkt. De school heeft dat niet bevestigd, dus de school staat niet meer op je profiel. Klopt dat niet? Neem dan contact op met de schoolleiding.\n\nKnooppunt",
  "mail.linkIdentity.subject": "Inloggen met {provider} koppelen aan je account",
  "mail.linkIdentity.body":
    "Beste {name},\n\nIemand logde in met {provider} en gaf daarbij dit e-mailadres. Als jij dat was, koppel die inlog dan aan je Knooppunt-account via deze link:\n\n{url}\n\nDe inlog kwam van: {origin}.\n\nDaarna kun je ook met {provider} inloggen. De link werkt 24 uur.\n\nWas jij dit niet? Klik dan niet op de link; er verandert niets aan je account.\n\nKnooppunt",
  "mail.ssoConfirmEmail.subject": "Bevestig je e-mailadres voor Knooppunt",
  "mail.ssoConfirmEmail.body":
    "Beste {name},\n\nJe logde in met {provider} en gaf dit e-mailadres op voor je nieuwe Knooppunt-account. Bevestig het via deze link; daarna is je account klaar en ben je ingelogd:\n\n{url}\n\nDe link werkt 24 uur. Tot je bevestigt, maken we geen account.\n\nWas jij dit niet? Dan kun je deze mail negeren.\n\nKnooppunt",
  "mail.signInMethodsChanged.subject": "Je manier van inloggen bij Knooppunt is gewijzigd",
  "mail.identityLinkedNotice.body":
    "Beste {name},\n\nOp je Knooppunt-account is inloggen met {provider} toegevoegd.\n\nWas jij dit niet? Kies dan meteen een nieuw wachtwoord en bekijk je inlogmethoden:\n\n{url}\n\nKnooppunt",
  "mail.identityUnlinkedNotice.body":
    "Beste {name},\n\nOp je Knooppunt-account is inloggen met {provider} verwijderd.\n\nWas jij dit niet? Kies dan meteen een nieuw wachtwoord en bekijk je inlogmethoden:\n\n{url}\n\nKnooppunt",
  "mail.passwordDroppedNotice.body":
    "Beste {name},\n\nJe Knooppunt-account heeft geen wachtwoord meer: je logt nu in via je instelling.\n\nWas jij dit niet? Kies dan meteen een nieuw wachtwoord en bekijk je inlogmethoden:\n\n{url}\n\nKnooppunt",
  "mail.ssoAddressTaken.subject": "Je hebt al een account bij Knooppunt",
  "mail.ssoAddressTaken.body":
    "Beste {name},\n\nIemand logde in met {provider} en gaf dit e-mailadres op, maar er is al een account met dit adres. We hebben niets gekoppeld.\n\nWas jij dat? Log dan in zoals je gewend bent en koppel {provider} op je accountpagina:\n\n{url}\n\nWas jij dit niet? Dan kun je deze mail negeren.\n\nKnooppunt",
  "mail.emailChange.subject": "Bevestig je nieuwe e-mailadres voor Knooppunt",
  "mail.emailChange.body":
    "Beste {name},\n\nJe Knooppunt-account krijgt dit nieuwe e-mailadres. Bevestig het via deze link:\n\n{url}\n\nDe link werkt 24 uur. Tot je bevestigt, blijft je oude adres in gebruik. Heb je dit niet gevraagd? Dan kun je deze mail negeren.\n\nKnooppunt",
  "mail.emailChangeNotice.subject": "Je e-mailadres bij Knooppunt wordt gewijzigd",
  "mail.emailChangeNotice.body":
    "Beste {name},\n\nEr is gevraagd om het e-mailadres van je Knooppunt-account te wijzigen in {newEmail}. Het nieuwe adres moet eerst bevestigd worden; tot dan blijft dit adres in gebruik.\n\nWas jij dit niet? Kies dan meteen een nieuw wachtwoord en bekijk je sessies:\n\n{url}\n\nKnooppunt",
  "mail.emailChangeByAdminNotice.subject": "Een beheerder wijzigt je e-mailadres bij Knooppunt",
  "mail.emailChangeByAdminNotice.body":
    "Beste {name},\n\nNiet jij, maar een platformbeheerder van Knooppunt heeft het e-mailadres van je account gewijzigd in {newEmail}. Zodra het nieuwe adres bevestigd is, gaan alle inlogberichten daarheen en word je overal uitgelogd; tot dan blijft dit adres in gebruik.\n\nHeb je hier niet om gevraagd? Mail dan meteen naar {contact}.\n\nKnooppunt",
  "mail.inactivityWarning.subject": "Je Knooppunt-account wordt binnenkort verwijderd",
  "mail.inactivityWarning.body":
    "Beste {name},\n\nJe hebt al lang niet ingelogd bij Knooppunt. We bewaren gegevens niet langer dan nodig, dus je account wordt op {date} verwijderd.\n\nWil je je account houden? Log dan voor die datum in:\n\n{url}\n\nDoe je niets, dan verwijderen we je account en wat erbij hoort. Bijdragen waar anderen op reageerden blijven staan onder de naam Oud-lid.\n\nKnooppunt",
  "mail.dataExportReady.subject": "Je gegevens staan klaar",
  "mail.dataExportReady.body":
    "Beste {name},\n\nHet overzicht van al je gegevens in Knooppunt staat klaar. Log in en download het op de pagina Mijn gegevens:\n\n{url}\n\nHet bestand blijft tot {until} beschikbaar en wordt daarna verwijderd. Heb je dit niet zelf gevraagd? Verander dan je wachtwoord en bekijk je sessies.\n\nKnooppunt",
};
