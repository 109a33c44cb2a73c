import { type FieldMetadata, type FormMetadata, useForm } from "@conform-to/react";
import { isIntentReply } from "#app/platform/intent-reply.ts";

/*
 * A form on a page of several: the action answers with { intent, result } (see
 * app/routes/forms.server.ts) and only the form whose intent matches shows the errors and the
 * values the person typed. Server-side validation only, so it works without JavaScript.
 * `Value` is the intent's branch of the schema's input type: fields are typed by it.
 */
export function useIntentForm<Value extends Record<string, unknown>>(
  intent: string,
  actionData: unknown,
  options: {
    id?: string;
    defaultValue?: Partial<Record<keyof Value, unknown>>;
    /** One of several forms with the same intent (one per person): the hidden field naming it. */
    target?: { field: keyof Value & string; value: string };
  } = {},
) {
  const { target } = options;
  const answered =
    isIntentReply(actionData) &&
    actionData.intent === intent &&
    (!target || actionData.result.initialValue?.[target.field] === target.value);
  const lastResult = answered ? actionData.result : null;
  return useForm<Value>({
    id: options.id ?? intent,
    lastResult,
    defaultValue: options.defaultValue as never,
    shouldValidate: "onSubmit",
  });
}

/** The props a field component takes from Conform's metadata. */
export function fieldProps(meta: FieldMetadata<unknown>) {
  const initial = meta.initialValue;
  return {
    name: meta.name,
    id: meta.id,
    error: meta.errors?.[0],
    defaultValue: typeof initial === "string" ? initial : undefined,
  };
}

/** The whole-form error an action answered (e.g. "this offer has lapsed"), whichever form sent it. */
export function formErrorOf(actionData: unknown) {
  return isIntentReply(actionData) ? actionData.result.error?.[""]?.[0] : undefined;
}

/** The values the form error's message needs ("try again in {minutes} minutes"). */
export function formErrorParamsOf(actionData: unknown) {
  return isIntentReply(actionData) ? actionData.params : undefined;
}

/** The first error of each field, for the summary at the top of a form; none before a submit. */
export function fieldErrorsOf<Value extends Record<string, unknown>>(
  form: FormMetadata<Value, string[]>,
) {
  const errors: Record<string, string> = {};
  for (const [name, messages] of Object.entries(form.allErrors)) {
    if (name && messages[0]) errors[name] = messages[0];
  }
  return Object.keys(errors).length ? errors : undefined;
}

/** The boxes a checkbox group had ticked when its form came back (none before a submit). */
export function checkedOf(meta: FieldMetadata<unknown>) {
  return ([] as unknown[])
    .concat(meta.initialValue ?? [])
    .filter((value): value is string => typeof value === "string");
}

/**
 * Every error an action answered, the whole-form one as `form`: for the summary of a form that a
 * page repeats (one per candidate, per member) and so does not keep its values.
 */
export function replyErrorsOf(actionData: unknown) {
  if (!isIntentReply(actionData) || !actionData.result.error) return undefined;
  const errors: Record<string, string> = {};
  for (const [name, messages] of Object.entries(actionData.result.error)) {
    if (messages?.[0]) errors[name || "form"] = messages[0];
  }
  return Object.keys(errors).length ? errors : undefined;
}
