/** How the topic list is ordered (?sortering=): last activity, newest first, or unanswered only. */
export const topicSorts = ["actief", "nieuw", "onbeantwoord"] as const;
export type TopicSort = (typeof topicSorts)[number];

/** An unknown or missing choice is the default: last activity. */
export function topicSortOf(value: string | null | undefined): TopicSort {
  return topicSorts.find((sort) => sort === value) ?? "actief";
}
