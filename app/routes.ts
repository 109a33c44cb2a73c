import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("registreren", "routes/auth/register.tsx"),
  route("inloggen", "routes/auth/login.tsx"),
  route("inloggen/link", "routes/auth/magic-link-request.tsx"),
  route("inloggen/link/:token", "routes/auth/magic-link-confirm.tsx"),
  route("uitloggen", "routes/auth/logout.tsx"),
  route("e-mail-bevestigen/:token", "routes/auth/verify-email.tsx"),
  route("wachtwoord-vergeten", "routes/auth/forgot-password.tsx"),
  route("wachtwoord-herstellen/:token", "routes/auth/reset-password.tsx"),
  route("taal", "routes/language.tsx"),
  route("profiel", "routes/account/profile-edit.tsx"),
  route("account/sessies", "routes/account/sessions.tsx"),
  route("mensen", "routes/people/people-list.tsx"),
  route("mensen/:userId", "routes/people/person.tsx"),
  route("organisaties", "routes/organisations/organisation-list.tsx"),
  route("organisaties/:organisationId", "routes/organisations/organisation.tsx"),
  route("organisaties/:organisationId/bewerken", "routes/organisations/organisation-edit.tsx"),
  route("beheer/mail", "routes/admin/outbox.tsx"),
  route("beheer/mail/:mailId", "routes/admin/outbox-mail.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
