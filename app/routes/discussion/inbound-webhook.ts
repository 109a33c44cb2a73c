import { timingSafeEqual } from "node:crypto";
import { env } from "#app/core/env.server.ts";
import { receiveInboundMail, refusalMessage } from "#app/modules/discussion/inbound-mail.server.ts";
import { readInboundRequest } from "#app/platform/inbound-mail.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/inbound-webhook";

function authorised(request: Request) {
  const secret = env().INBOUND_MAIL_SECRET;
  if (!secret) return false;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Webhook for a mail provider that forwards inbound mail (docs/INBOUND-MAIL.md): POST the raw
 * message (message/rfc822) with "Authorization: Bearer INBOUND_MAIL_SECRET".
 */
export async function action(args: Route.ActionArgs) {
  const { request } = args;
  if (!authorised(request)) return new Response("Niet gevonden", { status: 404 });
  const mail = await readInboundRequest(request);
  if (!mail)
    return Response.json(
      { accepted: false, message: "Bericht te groot (maximaal 12 MB)" },
      { status: 413 },
    );
  // The relay is no visitor with a session; withVisitor only gives the database here.
  const outcome = await withVisitor(args, async ({ db }) => receiveInboundMail(db, mail));
  if ((outcome.accepted && outcome.held) || (!outcome.accepted && outcome.quiet))
    return Response.json({ accepted: true, held: true }, { status: 202 });
  if (outcome.accepted) return Response.json({ accepted: true, topicId: outcome.topicId });
  return Response.json(
    {
      accepted: false,
      reason: outcome.reason,
      message: refusalMessage(outcome.reason),
    },
    { status: 422 },
  );
}

export function loader() {
  return new Response("Niet gevonden", { status: 404 });
}
