import { z } from "zod";

type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/** Form values as the user typed them, to fill the form again after an error. Passwords are never echoed. */
function formValues(formData: FormData) {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (/password|wachtwoord/i.test(key)) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/**
 * Parses form data with a zod schema whose messages are i18n keys; the first
 * problem per field is kept, keyed by the field name.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  arrayFields: string[] = [],
): FormResult<z.infer<S>> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    input[key] = arrayFields.includes(key) ? all : all[0];
  }
  for (const key of arrayFields) input[key] ??= [];
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values: formValues(formData) };
}

/** A rule broken that only the database can tell (a taken code, say), shown next to its field. */
export class FieldError extends Error {
  readonly field: string;
  readonly messageKey: string;
  constructor(field: string, messageKey: string) {
    super(messageKey);
    this.field = field;
    this.messageKey = messageKey;
  }
}

/**
 * A checkbox group or multi-select: the browser sends the name once per ticked box, or not at
 * all. One value comes as a string, none as nothing; both become a list.
 */
export function formList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );
}
