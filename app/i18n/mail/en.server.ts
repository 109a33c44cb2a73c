import type nl from "./nl.server.ts";

export default {
  "mail.footer": "Knooppunt — learning together in networks",
  "mail.layout.open": "Open in Knooppunt",
  "mail.layout.settings": "Choose which mail you get:",
  "mail.layout.settingsLink": "Notification settings",
  "mail.layout.unsubscribe": "No more mail of this kind (one click):",
  "mail.layout.unsubscribeLink": "Unsubscribe",
  "mail.reason.account":
    "You get this mail because something happened to your Knooppunt account or you asked for one. Mail about your account cannot be turned off.",
  "mail.reason.notification":
    "You get this mail because you receive notifications of this kind by e-mail.",
  "mail.reason.discussion":
    "You get this mail because you follow the discussion of {network} by e-mail.",
  "mail.reason.other": "You get this mail because you take part in Knooppunt.",
  "mail.reason.reply": "You get this mail because you sent Knooppunt a message.",
  "mail.verify.subject": "Confirm your e-mail address for Knooppunt",
  "mail.verify.body":
    "Dear {name},\n\nWelcome to Knooppunt! Confirm your e-mail address with this link:\n\n{url}\n\nThe link works for 48 hours. Did not create an account? Then ignore this mail.\n\nKnooppunt",
  "mail.alreadyRegistered.subject": "You already have a Knooppunt account",
  "mail.alreadyRegistered.body":
    "Dear {name},\n\nSomeone tried to create an account with this e-mail address, but you already have one.\n\nLog in:\n{loginUrl}\n\nForgot password:\n{resetUrl}\n\nNot you? Then ignore this mail.\n\nKnooppunt",
  "mail.reset.subject": "Choose a new password for Knooppunt",
  "mail.reset.body":
    "Dear {name},\n\nYou asked for a new password. Choose it with this link:\n\n{url}\n\nThe link works for one hour. Did not ask? Then ignore this mail; your password stays the same.\n\nKnooppunt",
  "mail.magicLink.subject": "Your login link for Knooppunt",
  "mail.magicLink.body":
    "Dear {name},\n\nLog in to Knooppunt with this link:\n\n{url}\n\nThe link works for 15 minutes and only once. Did not ask? Then ignore this mail.\n\nKnooppunt",
  "mail.placeOffered.subject": "A place is free in {network}",
  "mail.placeOffered.body":
    "Dear {name},\n\nA place has become free in the learning network {network}, and you are first on the waiting list.\n\nAccept the place within {days} days at:\n\n{url}\n\nAfter that the place goes to the next person.\n\nKnooppunt",
  "mail.intake.subject": "New enrolment for {network}: intake needed",
  "mail.intake.body":
    "Dear colleague,\n\n{name} enrolled in {network} after a nomination. Plan the intake conversation and then decide:\n\n{url}\n\nKnooppunt",
  "mail.nominated.subject": "You have been nominated for {network}",
  "mail.nominated.body":
    "Dear {name},\n\n{by} nominated you for the learning network {network}.\n\nNote: {note}\n\nEnrol with this link:\n\n{url}\n\nAn intake conversation with the penvoerder follows.\n\nKnooppunt",
  "mail.intakeAccepted.subject": "Welcome to {network}",
  "mail.intakeAccepted.body":
    "Dear {name},\n\nAfter the intake you have been accepted as a member of {network}.\n\nMessage from the penvoerder: {message}\n\n{url}\n\nKnooppunt",
  "mail.intakeDeclined.subject": "Your enrolment for {network}",
  "mail.intakeDeclined.body":
    "Dear {name},\n\nAfter the intake it was decided that you will not join {network}.\n\nMessage from the penvoerder: {message}\n\nKnooppunt",
  "mail.secondNetwork.subject": "Your place in {network}",
  "mail.secondNetwork.body":
    "Dear {name},\n\nBecause the waiting list was so long, a second network has started: {network}. You are now a member of it; your place on the waiting list of {previous} lapses.\n\n{url}\n\nKnooppunt",
  "mail.secondNetworkWaiting.subject": "You are on the waiting list of {network}",
  "mail.secondNetworkWaiting.body":
    "Dear {name},\n\nBecause the waiting list was so long, a second network has started: {network}. That network is full too, so you are not a member yet. You are now on the waiting list of {network}, at position {position}; the waiting list of {previous} lapses. When a place comes free, you will get an e-mail.\n\n{url}\n\nKnooppunt",
  "mail.meetingMoved.subject": "Meeting {network} moved to {when}",
  "mail.meetingMoved.body":
    "Dear {name},\n\nThe meeting of {network} on {before} has moved to {when}.\n\nSee the meeting:\n{link}\n\nKnooppunt",
  "mail.meetingPlaceChanged.subject": "Meeting {network} on {when}: new place",
  "mail.meetingPlaceChanged.body":
    "Dear {name},\n\nThe meeting of {network} on {when} is now {mode, select, online {online} other {at {address}}}.\n\nSee the meeting:\n{link}\n\nKnooppunt",
  "mail.meetingCancelled.subject": "Meeting {network} on {when} is cancelled",
  "mail.meetingCancelled.body":
    "Dear {name},\n\nThe meeting of {network} on {when} is cancelled.\n\n{link}\n\nKnooppunt",
  "mail.meetingReminder.subject": "Reminder: {network} on {when}",
  "mail.meetingReminder.body":
    "Dear {name},\n\nYour meeting of {network} is on {when}. Theme: {theme}.\n\nProgramme, cases and link:\n{link}\n\nTurn reminders on or off in your agenda in Knooppunt.\n\nKnooppunt",
  "mail.dueReminder.subject": "Reminder: hand in {title} before {when}",
  "mail.dueReminder.body":
    'Dear {name},\n\nThe assignment "{title}" of {network} is due {when}.\n\n{link}\n\nTurn reminders on or off in your agenda in Knooppunt.\n\nKnooppunt',
  "mail.feedbackGiven.subject": "{author} gave feedback on {title}",
  "mail.feedbackGiven.body":
    'Dear {name},\n\n{author} gave feedback on your assignment "{title}" in {network}. Read it with your assignment:\n{link}\n\nKnooppunt',
  "mail.slotsProposed.subject": "{facilitator} proposes times: {step}",
  "mail.slotsProposed.body":
    "Dear {name},\n\n{facilitator} proposes times for your conversation in {network} ({step}). Choose a time on your route:\n{link}\n\nKnooppunt",
  "mail.slotConfirmed.subject": "{member} chose {when} for the conversation",
  "mail.slotConfirmed.body":
    "Dear {name},\n\n{member} chose {when} for the conversation.\n\n{link}\n\nKnooppunt",
  "mail.registerReminder.subject": "Re-registration: {needed} points still needed before {due}",
  "mail.registerReminder.body":
    "Dear {name},\n\nYour re-registration in the Schoolleidersregister PO is due on {due}. You have {points} points; you still need {needed} points.\n\nSee your overview and add activities:\n{link}\n\nKnooppunt",
  "mail.survey.subject": "Survey {network}: {title}",
  "mail.survey.body":
    'Dear {name},\n\nWould you fill in the survey "{title}" of {network}? It takes five minutes. {anonymous, select, yes {Your answers are anonymous.} other {Your answers are not anonymous.}}\n\nThis link is for you only and works once; no login needed:\n{link}\n\nKnooppunt',
  "mail.surveyReminder.subject": "Reminder: survey {network}",
  "mail.surveyReminder.body":
    'Dear {name},\n\nYou have not yet filled in the survey "{title}" of {network}. Here is a new link (the previous one no longer works):\n{link}\n\nKnooppunt',
  "mail.discussion.subject": "[{network}] {reply, select, yes {Re: } other {}}{title}",
  "mail.discussion.body":
    "{marker}\n\nDear {name},\n\n{author} wrote in {network}:\n\n{body}\n\n---\nSee it in Knooppunt:\n{link}\n\nReply to this mail to answer; your reply goes into the discussion.",
  "mail.digest.subject":
    "{mode, select, weekly {Weekly digest: {network}} other {Daily digest: {network}}}",
  "mail.digest.newTopic": "New:",
  "mail.digest.body":
    "Dear {name},\n\nNew in the discussion of {network}:\n\n{topics}\n\nRead everything:\n{link}\n\nKnooppunt",
  "mail.bounce.subject": "Not posted: your message to Knooppunt",
  "mail.bounce.body":
    "Dear sender,\n\nYour message to Knooppunt was not posted.\n\n{reason}\n\nKnooppunt",
  "mail.bounce.unknownAddress": "This address does not belong to a network or topic in Knooppunt.",
  "mail.bounce.unknownSender":
    "Your sender address does not belong to a Knooppunt account. Send from the address you log in with.",
  "mail.bounce.notMember":
    "You are not a member of this network, so you cannot write in its discussion.",
  "mail.bounce.forgedSender":
    "This reply address belongs to someone else. Reply to your own notification or in Knooppunt itself.",
  "mail.bounce.topicGone": "The topic you replied to has been deleted.",
  "mail.bounce.empty":
    "Your message was empty (only the quoted text). Write your answer above the quotes.",
  "mail.bounce.badTitle": "Your mail's subject becomes the title: use 5 to 150 characters.",
  "mail.bounce.attachment":
    "An attachment is too large (over 10 MB), of a type not allowed, or there are more than 5.",
  "mail.bounce.tooManyHeld":
    "Five messages in your name are already waiting for confirmation; this one was not kept.",
  "mail.heldInbound.subject": "Confirm your message to {network}",
  "mail.heldInbound.body":
    "Dear {name},\n\nKnooppunt received a mail in your name for the discussion of {network}. We could not verify that it really comes from you, so it is not in the discussion yet.\n\nDid you send it? Open this link, log in and choose Post:\n{link}\n\nNot you? Do nothing: the message is deleted after {days} days.\n\nKnooppunt",
  "mail.buddyActivity.subject": "New in your buddy group",
  "mail.buddyActivity.body":
    "Dear {name},\n\nThere is something new in your buddy group. Read it in Knooppunt (after logging in):\n{link}\n\nKnooppunt",
  "mail.intervisionActivity.subject": "New in your intervision group",
  "mail.intervisionActivity.body":
    "Dear {name},\n\nThere is something new in your intervision group. Read it in Knooppunt (after logging in):\n{link}\n\nKnooppunt",
  "mail.analysisInvite.subject": "{sender} invites you: {centre}",
  "mail.analysisInvite.body":
    'Dear {name},\n\n{sender} is working on "{centre}" and thinks you could be an important connector in it.\n\n{story}\n\nSee it in Knooppunt:\n{link}\n\nKnooppunt',
  "mail.newsletter.subject": "{theme}: {title}",
  "mail.newsletter.body":
    "Dear {name},\n\n{body}\n\nMore about the theme:\n{link}\n\nYou get this newsletter because you subscribed; unsubscribe on the same page.\n\nKnooppunt",
  "mail.workplaceRequested.subject": "Request: {requester} works at {school}",
  "mail.workplaceRequested.body":
    "Dear {name},\n\n{requester} says on Knooppunt that they work at {school}. Only when you (or another administrator) confirm it will {requester} see the colleagues and the school's network learning.\n\nConfirm or decline under Requests:\n{link}\n\nKnooppunt",
  "mail.workplaceConfirmed.subject": "{school} has confirmed that you work there",
  "mail.workplaceConfirmed.body":
    "Dear {name},\n\n{school} has confirmed that you work there. You now see your colleagues and the school's network learning:\n{link}\n\nKnooppunt",
  "mail.workplaceDeclined.subject": "{school} did not confirm your request",
  "mail.workplaceDeclined.body":
    "Dear {name},\n\nYou said on Knooppunt that you work at {school}. The school did not confirm it, so the school is no longer on your profile. Is that wrong? Please contact the school's management.\n\nKnooppunt",
  "mail.linkIdentity.subject": "Link signing in with {provider} to your account",
  "mail.linkIdentity.body":
    "Dear {name},\n\nSomeone signed in with {provider} and gave this e-mail address. If that was you, link that sign-in to your Knooppunt account here:\n\n{url}\n\nThe sign-in came from: {origin}.\n\nAfter that you can also sign in with {provider}. The link works for 24 hours.\n\nWasn't you? Then don't click the link; nothing changes on your account.\n\nKnooppunt",
  "mail.ssoConfirmEmail.subject": "Confirm your e-mail address for Knooppunt",
  "mail.ssoConfirmEmail.body":
    "Dear {name},\n\nYou signed in with {provider} and gave this e-mail address for your new Knooppunt account. Confirm it with this link; your account is then ready and you are signed in:\n\n{url}\n\nThe link works for 24 hours. Until you confirm, no account is made.\n\nNot you? Then you can ignore this mail.\n\nKnooppunt",
  "mail.signInMethodsChanged.subject": "How you sign in to Knooppunt has changed",
  "mail.identityLinkedNotice.body":
    "Dear {name},\n\nSigning in with {provider} was added to your Knooppunt account.\n\nNot you? Choose a new password at once and check your sign-in methods:\n\n{url}\n\nKnooppunt",
  "mail.identityUnlinkedNotice.body":
    "Dear {name},\n\nSigning in with {provider} was removed from your Knooppunt account.\n\nNot you? Choose a new password at once and check your sign-in methods:\n\n{url}\n\nKnooppunt",
  "mail.passwordDroppedNotice.body":
    "Dear {name},\n\nYour Knooppunt account no longer has a password: you now sign in through your institution.\n\nNot you? Choose a new password at once and check your sign-in methods:\n\n{url}\n\nKnooppunt",
  "mail.ssoAddressTaken.subject": "You already have a Knooppunt account",
  "mail.ssoAddressTaken.body":
    "Dear {name},\n\nSomeone signed in with {provider} and entered this e-mail address, but an account with this address already exists. We linked nothing.\n\nWas that you? Then sign in as you usually do and link {provider} on your account page:\n\n{url}\n\nWasn't you? Then you can ignore this e-mail.\n\nKnooppunt",
  "mail.emailChange.subject": "Confirm your new e-mail address for Knooppunt",
  "mail.emailChange.body":
    "Dear {name},\n\nYour Knooppunt account is getting this new e-mail address. Confirm it here:\n\n{url}\n\nThe link works for 24 hours. Until you confirm, your old address stays in use. Didn't ask for this? Then you can ignore this e-mail.\n\nKnooppunt",
  "mail.emailChangeNotice.subject": "Your e-mail address at Knooppunt is being changed",
  "mail.emailChangeNotice.body":
    "Dear {name},\n\nSomeone asked to change the e-mail address of your Knooppunt account to {newEmail}. The new address has to be confirmed first; until then this address stays in use.\n\nWasn't you? Then choose a new password right away and check your sessions:\n\n{url}\n\nKnooppunt",
  "mail.emailChangeByAdminNotice.subject":
    "An administrator is changing your e-mail address at Knooppunt",
  "mail.emailChangeByAdminNotice.body":
    "Dear {name},\n\nNot you, but a platform administrator of Knooppunt changed the e-mail address of your account to {newEmail}. Once the new address is confirmed, every login message goes there and you are logged out everywhere; until then this address stays in use.\n\nDidn't ask for this? Then mail {contact} right away.\n\nKnooppunt",
  "mail.inactivityWarning.subject": "Your Knooppunt account will be deleted soon",
  "mail.inactivityWarning.body":
    "Dear {name},\n\nYou have not signed in to Knooppunt for a long time. We keep data no longer than needed, so your account will be deleted on {date}.\n\nWant to keep your account? Then sign in before that date:\n\n{url}\n\nIf you do nothing, we delete your account and what belongs to it. Contributions others replied to stay under the name Former member.\n\nKnooppunt",
  "mail.dataExportReady.subject": "Your data is ready",
  "mail.dataExportReady.body":
    "Dear {name},\n\nThe overview of all your data in Knooppunt is ready. Sign in and download it on the My data page:\n\n{url}\n\nThe file stays available until {until} and is deleted after that. Didn't ask for this yourself? Then change your password and check your sessions.\n\nKnooppunt",
} satisfies Record<keyof typeof nl, string>;
