import { z } from "zod";
import { formList } from "#app/platform/forms.ts";

const topicSchema = z.object({
  kind: z.enum(["question", "topic"], { error: "error.discussion.kind" }).default("question"),
  title: z.string().trim().min(5, "error.discussion.title").max(150, "error.discussion.title"),
  body: z.string().trim().min(1, "error.discussion.body").max(20000, "error.discussion.tooLong"),
  themes: formList(z.string().trim().max(100)).pipe(z.array(z.string()).max(10)),
  meetingId: z
    .union([z.literal(""), z.uuid("error.discussion.meeting")])
    .optional()
    .transform((value) => value || null),
});

const postSchema = z.object({
  body: z.string().trim().min(1, "error.discussion.body").max(20000, "error.discussion.tooLong"),
  parentId: z
    .union([z.literal(""), z.uuid("error.discussion.parent")])
    .optional()
    .transform((value) => value || null),
});

export const subscriptionModes = ["each", "daily", "weekly", "none"] as const;
export type SubscriptionMode = (typeof subscriptionModes)[number];

const subscriptionSchema = z.object({
  mode: z.enum(subscriptionModes, { error: "error.discussion.mode" }),
});

/** A network's discussion page: a new topic (with files), or how one follows it by mail. */
export const discussionPageSchema = z.discriminatedUnion("intent", [
  topicSchema.extend({ intent: z.literal("topic") }),
  subscriptionSchema.extend({ intent: z.literal("mail") }),
]);
export type DiscussionPageForm = z.input<typeof discussionPageSchema>;

/** A topic's page: an answer or a reply (with files), what helped, and deleting the topic. */
export const topicPageSchema = z.discriminatedUnion("intent", [
  postSchema.extend({ intent: z.literal("answer") }),
  z.object({ intent: z.literal("helpful"), postId: z.string() }),
  z.object({ intent: z.literal("not-helpful"), postId: z.string() }),
  z.object({ intent: z.literal("delete") }),
]);
export type TopicPageForm = z.input<typeof topicPageSchema>;

/** A held mail's page: its owner publishes it or throws it away. */
export const heldMailSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("discard") }),
]);

export type TopicInput = z.infer<typeof topicSchema>;
export type PostInput = z.infer<typeof postSchema>;
