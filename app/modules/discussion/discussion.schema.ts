import { z } from "zod";

export const topicSchema = z.object({
  kind: z.enum(["question", "topic"], { error: "error.discussion.kind" }).default("question"),
  title: z.string().trim().min(5, "error.discussion.title").max(150, "error.discussion.title"),
  body: z.string().trim().min(1, "error.discussion.body").max(20000, "error.discussion.tooLong"),
  themes: z.array(z.string().trim().max(100)).max(10).default([]),
  meetingId: z
    .union([z.literal(""), z.uuid("error.discussion.meeting")])
    .optional()
    .transform((value) => value || null),
});

export const postSchema = z.object({
  body: z.string().trim().min(1, "error.discussion.body").max(20000, "error.discussion.tooLong"),
  parentId: z
    .union([z.literal(""), z.uuid("error.discussion.parent")])
    .optional()
    .transform((value) => value || null),
});

export const subscriptionModes = ["each", "daily", "weekly", "none"] as const;
export type SubscriptionMode = (typeof subscriptionModes)[number];

export const subscriptionSchema = z.object({
  mode: z.enum(subscriptionModes, { error: "error.discussion.mode" }),
});

export type TopicInput = z.infer<typeof topicSchema>;
export type PostInput = z.infer<typeof postSchema>;
