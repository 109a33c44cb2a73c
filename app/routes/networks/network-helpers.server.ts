import { FieldError } from "#app/platform/forms.ts";

/** Runs a module command; a FieldError comes back as { field: messageKey }, anything else propagates. */
export async function withFieldErrors<T>(work: () => Promise<T>) {
  try {
    return { ok: true as const, value: await work() };
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return {
      ok: false as const,
      errors: { [error.field]: error.messageKey } as Record<string, string>,
    };
  }
}
