import type { SubmissionResult } from "@conform-to/react";

/** What an action answers when a form does not pass: which form, and Conform's result for it. */
export interface IntentReply {
  intent: string;
  result: SubmissionResult<string[]>;
  /** values for the form error's message, e.g. { minutes } */
  params?: Record<string, string | number>;
}

export function isIntentReply(value: unknown): value is IntentReply {
  return typeof value === "object" && value !== null && "intent" in value && "result" in value;
}
