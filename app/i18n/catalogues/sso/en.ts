import type nl from "./nl.ts";

export default {
  "sso.buttons.heading": "With your school account",
  "sso.buttons.register": "Working at a school? Then you need no password:",
  "sso.button": "Log in with {name}",
  "sso.or": "or with your e-mail address",
  "sso.refused.linkPassword":
    "Your password is not right. Enter your current password to link a sign-in method.",
  "sso.refused.linkReauth":
    "First confirm it is you with a sign-in method you already have; then you can link.",
  "sso.methods.linkPassword": "Your password (to link {name})",
  "sso.methods.reauthFirst": "First confirm with {name}",
  "sso.methods.reauthHint":
    "To add a sign-in method, first sign in again with one you already have.",
  "sso.methods.reauthDone": "You confirmed it is you. Now choose which sign-in method to link.",
  "sso.refused.generic":
    "Logging in with your school account did not work. Try again, or log in with your e-mail address.",
  "sso.refused.expired":
    "Logging in took too long or was started in another window. Please try again.",
  "sso.refused.cancelled": "Logging in at your institution was cancelled.",
  "sso.refused.disabled": "This account has been disabled. Please contact the Knooppunt admin.",
  "sso.refused.taken":
    "This school account already belongs to another Knooppunt account. Log in there, or unlink it there first.",
  "sso.refused.rateLimited": "Too many attempts. Try again in fifteen minutes.",
  "sso.email.title": "One more step: your e-mail address",
  "sso.email.intro":
    "{provider} does not give us an e-mail address. Where would you like to receive mail from Knooppunt? We will send a confirmation link there.",
  "sso.email.submit": "Send the confirmation link",
  "sso.email.yourInstitution": "Your institution",
  "sso.email.continue": "Continue to Knooppunt",
  "sso.email.sent.title": "Check your mailbox",
  "sso.email.sent.body":
    "We sent a mail to {email}. Follow the link in it to confirm your e-mail address. No mail? Check your spam folder.",
  "sso.linkSent.title": "Confirm the link in your mail",
  "sso.linkSent.body":
    "We sent a mail to {email}. Click the link in it to link your school account to your Knooppunt account. From then on you log in with your school account.",
  "sso.emailConfirm.title": "Confirm e-mail address",
  "sso.emailConfirm.body":
    "Click the button to confirm your e-mail address. Your account is then ready and you are signed in.",
  "sso.emailConfirm.submit": "Confirm and sign in",
  "sso.emailConfirm.expired":
    "This link has expired or was used already. Sign in again with your institution.",
  "sso.emailConfirm.taken":
    "There is already an account with this e-mail address by now. We mailed its owner; nothing was linked.",
  "sso.confirm.title": "Link school account",
  "sso.confirm.body": "Click the button to link your school account to your Knooppunt account.",
  "sso.confirm.submit": "Link and log in",
  "sso.confirm.expired":
    "This link has expired or was already used. Log in with your school account again to get a new one.",
  "sso.methods.title": "Sign-in methods",
  "sso.methods.intro":
    "This is how you get into Knooppunt. Always keep at least one: a school account or a password.",
  "sso.methods.link": "Sign-in methods",
  "sso.methods.providers": "School accounts",
  "sso.methods.linked": "Linked",
  "sso.methods.notLinked": "Not linked",
  "sso.methods.lastLogin": "Last login on {date}",
  "sso.methods.neverUsed": "Not used to log in yet",
  "sso.methods.connect": "Link",
  "sso.methods.connectNamed": "Link with {name}",
  "sso.methods.disconnect": "Unlink",
  "sso.methods.disconnectNamed": "Unlink {name}",
  "sso.methods.none": "No school accounts are configured at the moment.",
  "sso.methods.password": "Password",
  "sso.methods.hasPassword": "You can log in with your e-mail address and password.",
  "sso.methods.noPassword": "You have no password: you log in with your school account.",
  "sso.methods.changePassword": "Change password",
  "sso.methods.setPassword": "Set a password",
  "sso.methods.passwordMailHint": "We will e-mail you a link to choose a new password.",
  "sso.methods.dropPassword": "Remove password",
  "sso.methods.dropPasswordHint":
    "Without a password you only log in with a linked school account.",
  "sso.methods.linkedNotice": "Your school account has been linked.",
  "sso.methods.unlinkedNotice": "The school account has been unlinked.",
  "sso.methods.passwordDroppedNotice": "Your password has been removed.",
  "sso.methods.passwordMailNotice":
    "We sent you a link to set your password. The link works for an hour.",
  "error.sso.lastWay":
    "This is your only way to log in. Link another school account or set a password first.",
  "error.sso.noIdentity": "Link a school account first; otherwise you could no longer log in.",
  "error.sso.email": "Enter a valid e-mail address, such as name@school.nl.",
  "loginDomains.title": "Login domains",
  "loginDomains.intro":
    "Whoever logs in with a school account (SURFconext, Microsoft or Google) from one of these domains works at {name}: their workplace is confirmed at once, without a request.",
  "loginDomains.manage": "Manage login domains",
  "loginDomains.back": "Back to {name}",
  "loginDomains.field": "Domain",
  "loginDomains.hint": "For example school.nl, without @ or https://",
  "loginDomains.add": "Add domain",
  "loginDomains.remove": "Remove",
  "loginDomains.removeNamed": "Remove {domain}",
  "loginDomains.empty": "This school has no login domains yet.",
  "loginDomains.added": "The domain has been added.",
  "loginDomains.removed": "The domain has been removed.",
} satisfies Record<keyof typeof nl, string>;
