import { parse as parseSubmission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import type { z } from "zod";
import { BadRequestError } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { IntentReply } from "#app/platform/intent-reply.ts";

/*
 * One way to handle a form post. Every action declares its forms as one
 * z.discriminatedUnion("intent", …) in its module's *.schema.ts and passes a handler per
 * intent: the type checker refuses a missing handler, and an unknown intent is a 400.
 * Field errors (zod's, or a FieldError the module throws for a rule only the database can
 * check) come back to the form that was sent, with what the person typed kept.
 */

type IntentSchema = z.ZodType<{ intent: string }>;
type IntentOf<S extends IntentSchema> = z.output<S>["intent"];

export type IntentHandlers<S extends IntentSchema, R> = {
  [K in IntentOf<S>]: (value: Extract<z.output<S>, { intent: K }>) => Promise<R>;
};

/**
 * A route's own "no" to a valid form (wrong password, too many attempts): shown at the top of
 * the form that was sent, with the values kept, and with the status and headers it needs.
 */
export class FormRefusal extends Error {
  readonly messageKey: string;
  readonly init: { status?: number; headers?: Record<string, string> };
  readonly params: Record<string, string | number>;
  constructor(
    messageKey: string,
    init: { status?: number; headers?: Record<string, string> } = {},
    params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.messageKey = messageKey;
    this.init = init;
    this.params = params;
  }
}

const secretField = /password|wachtwoord/i;

/**
 * Values stay the strings the browser sent (our schemas trim, check and convert them, and an
 * empty field must meet its own "fill this in" message, not zod's "expected string"). A problem a
 * schema has no message for (a field a hand-made post left out) gets the generic one.
 */
function parse<S extends z.ZodType>(formData: FormData, schema: S) {
  return parseWithZod(formData, {
    schema,
    disableAutoCoercion: true,
    error: () => "error.form",
  });
}

function reply(
  intent: string,
  submission: { reply(options?: object): IntentReply["result"] },
  fields: string[],
  refusal?: FieldError | FormRefusal,
) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  // A module's FieldError on "form" is about the whole form (Conform's form errors).
  if (refusal instanceof FormRefusal || refusal?.field === "form")
    formErrors.push(refusal.messageKey);
  else if (refusal) fieldErrors[refusal.field] = [refusal.messageKey];
  const result = submission.reply({
    ...(refusal ? { fieldErrors, formErrors } : {}),
    hideFields: fields.filter((field) => secretField.test(field)),
  });
  const init = refusal instanceof FormRefusal ? refusal.init : {};
  const params = refusal instanceof FormRefusal ? refusal.params : {};
  return data<IntentReply>(
    { intent, result, params },
    { status: init.status ?? 400, headers: init.headers },
  );
}

/**
 * A post that saves nothing but must show the form again as typed (a "search your school"
 * button inside a bigger form): Conform's result with the values and no errors.
 */
export function keepTyped(formData: FormData, intent = ""): IntentReply {
  const fields = [...new Set(formData.keys())];
  const submission = parseSubmission<unknown, string[]>(formData, {
    resolve: () => ({ error: {} }),
  });
  return {
    intent,
    result: submission.reply({ hideFields: fields.filter((field) => secretField.test(field)) }),
  };
}

export interface IntentOptions<S extends IntentSchema> {
  /**
   * Runs before the form is parsed: someone without the right gets the 403 (or 404), never the
   * form's field errors. The module checks again with the same policy function.
   */
  authorize?: (intent: IntentOf<S>) => void | Promise<void>;
}

/** What the handlers answer: the union of their results (a redirect, a notice, …). */
type HandlerResult<H> = {
  [K in keyof H]: H[K] extends (...args: never[]) => Promise<infer R> ? R : never;
}[keyof H];

export async function handleIntents<S extends IntentSchema, H extends IntentHandlers<S, unknown>>(
  request: Request,
  schema: S,
  handlers: H,
  options: IntentOptions<S> = {},
) {
  const formData = await request.formData();
  return handleIntentsOf(formData, schema, handlers, options);
}

export async function handleIntentsOf<S extends IntentSchema, H extends IntentHandlers<S, unknown>>(
  formData: FormData,
  schema: S,
  handlers: H,
  options: IntentOptions<S> = {},
) {
  const intent = String(formData.get("intent") ?? "");
  if (!Object.hasOwn(handlers, intent)) throw new BadRequestError(`unknown intent ${intent}`);
  await options.authorize?.(intent as IntentOf<S>);
  const submission = parse(formData, schema);
  const fields = [...new Set(formData.keys())];
  if (submission.status !== "success") {
    // A discriminated union refuses a malformed intent on the intent itself: a hand-made post.
    if (submission.error?.intent) throw new BadRequestError(`invalid intent ${intent}`);
    return reply(intent, submission, fields);
  }
  const value = submission.value as z.output<S>;
  // The handler that runs is the intent that was authorised, whatever else the post carried.
  if (value.intent !== intent) throw new BadRequestError(`intent ${intent} parsed differently`);
  const handler = handlers[value.intent as keyof H] as (
    value: z.output<S>,
  ) => Promise<HandlerResult<H>>;
  try {
    return await handler(value);
  } catch (error) {
    if (!(error instanceof FieldError || error instanceof FormRefusal)) throw error;
    return reply(intent, submission, fields, error);
  }
}

/** A single-form action: the same, for a schema without intents. */
export async function handleForm<S extends z.ZodType, R>(
  body: Request | FormData,
  schema: S,
  handler: (value: z.output<S>) => Promise<R>,
) {
  const formData = body instanceof FormData ? body : await body.formData();
  const submission = parse(formData, schema);
  const fields = [...new Set(formData.keys())];
  if (submission.status !== "success") return reply("", submission, fields);
  try {
    return await handler(submission.value as z.output<S>);
  } catch (error) {
    if (!(error instanceof FieldError || error instanceof FormRefusal)) throw error;
    return reply("", submission, fields, error);
  }
}

/**
 * A refusal that belongs to another form on the page than the one sent: the register's add
 * forms need a registration date first, and the reason goes to the date's field.
 */
export function replyTo(intent: string, refusal: FieldError) {
  return data<IntentReply>(
    { intent, result: { status: "error", error: { [refusal.field]: [refusal.messageKey] } } },
    { status: 400 },
  );
}
