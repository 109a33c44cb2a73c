import type nl from "./nl.ts";

export default {
  "rights.title": "My data",
  "rights.intro":
    "Download everything Knooppunt keeps about you, or delete your account. What we keep and why is in the privacy statement.",
  "rights.privacyLink": "Read the privacy statement",
  "rights.export.heading": "Download your data",
  "rights.export.intro":
    "You get a ZIP file with your data per part of Knooppunt as JSON (a text format other programs can read), the files you uploaded yourself, and an explanation. Making it takes a while; you get an e-mail when it is ready.",
  "rights.export.start": "Download my data",
  "rights.export.again": "Make it again",
  "rights.export.retry": "Try again",
  "rights.export.started": "We have started gathering your data.",
  "rights.export.pending": "Your request is about to start.",
  "rights.export.running": "We are gathering your data: {progress} percent done.",
  "rights.export.step": "Now at: {module} ({number} of {count})",
  "rights.export.progressLabel": "Progress of your download",
  "rights.export.refreshes":
    "This page refreshes itself. You may also close it: you get an e-mail when it is ready.",
  "rights.export.ready": "Your data is ready.",
  "rights.export.download": "Download your data (ZIP, {size})",
  "rights.export.until":
    "Made on {made}. You can download the file until {until}; after that we delete it.",
  "rights.export.failed":
    "Gathering your data did not succeed. Please try again; if it fails again, contact us at the address in the privacy statement.",
  "rights.export.failedAt": "It went wrong at: {module}.",
  "rights.export.rateLimited":
    "You already had your data gathered {count} times today. Please try again tomorrow.",
  "rights.delete.heading": "Delete account",
  "rights.delete.intro":
    "If you delete your account, you can no longer sign in and your data is handled as described below. This cannot be undone. Want to keep something? Download your data first.",
  "rights.delete.rule.delete": "Is deleted",
  "rights.delete.rule.anonymise": "Stays as “former member”, without your name",
  "rights.delete.rule.keep": "Is kept, and why",
  "rights.delete.item": "{module}: {data}",
  "rights.delete.reauth.heading": "Confirm it is you",
  "rights.delete.reauth.password": "Enter your password.",
  "rights.delete.reauth.sso": "Sign in again with your school account to confirm it is you.",
  "rights.delete.reauth.button": "Confirm with {name}",
  "rights.delete.reauth.done":
    "You confirmed with your school account. Finish deleting within 10 minutes.",
  "rights.delete.reauth.none":
    "Your account has no password and no linked school account to confirm with. First choose a password through ‘Forgot password’.",
  "rights.delete.password": "Your password",
  "rights.delete.confirmation": "Type verwijder to confirm",
  "rights.delete.confirmation.hint": "Or type your e-mail address.",
  "rights.delete.submit": "Delete my account for good",
  "rights.deleted": "Your account has been deleted. Thank you for taking part.",
  "rights.error.password.required": "Enter your password.",
  "rights.error.password.wrong": "This password is not correct.",
  "rights.error.confirmation": "Type the word verwijder (or your e-mail address) to confirm.",
  "rights.error.proof":
    "Your confirmation through your school account has expired or was already used. Please confirm again.",
  "rights.error.rateLimited": "Too many wrong passwords. Try again in {minutes} minutes.",
} satisfies Record<keyof typeof nl, string>;
