// Discussion topics and their posts (answers and replies to answers).
import { type Gen, TODAY } from "./model.ts";
import * as w from "./words.ts";

export async function generateDiscussion(gen: Gen) {
  const { networks } = gen.size;
  const topics = await gen.sum(networks, (n) => gen.topicCount(n));
  const key = gen.key("n", "t");
  // A topic's age: the newest topic is hours old, the oldest about a year.
  const created = `(${TODAY} - ((${gen.topicCount("n")} - t) * 36 + ${gen.h("tca", key, 24)} || ' hours')::interval)`;
  await gen.fill(
    "discussion_topics",
    networks,
    20,
    (
      a,
      b,
    ) => `insert into discussion_topics (id, network_id, author_id, kind, title, body, themes, via, created_at, last_activity_at)
      select ${gen.topicId("n", "t")}, ${gen.networkId("n")},
        ${gen.userId(gen.memberUser("n", `${gen.h("ta", key, 1000)} % ${gen.memberCount("n")}`))},
        case when ${gen.h("tk", key, 10)} < 7 then 'question' else 'topic' end,
        ${gen.pick(w.questionOpeners, "tt", key)} || ' ' || subject || ' ' || ${gen.pick(w.contexts, "tc", key)} || '?',
        ${gen.pick(w.sentenceStarts, "tb1", key)} || ' ' || subject || ' ' || ${gen.pick(w.sentenceEnds, "tb2", key)} || ' '
          || ${gen.pick(w.sentenceStarts, "tb3", key)} || ' ' || ${gen.pick(w.subjects, "tb4", key)} || ' ' || ${gen.pick(w.sentenceEnds, "tb5", key)}
          || ' Wie herkent dit en wil zijn ervaring delen?',
        ARRAY[subject]::text[],
        case when ${gen.h("tv", key, 6)} = 0 then 'email' else 'web' end,
        ${created}, ${created} + (${gen.postCount("n", "t")} || ' hours')::interval
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(0, ${gen.topicCount("n")} - 1) as m(t)
        cross join lateral (select ${gen.pick(w.subjects, "ts", key)} as subject) as x`,
    topics,
  );
  const posts = await gen.sum(
    networks,
    (n) =>
      `(select sum(${gen.postCount(n, "t")}) from generate_series(0, ${gen.topicCount(n)} - 1) as m(t))`,
  );
  const pkey = gen.key("n", "t", "p");
  await gen.fill(
    "discussion_posts",
    networks,
    100,
    (
      a,
      b,
    ) => `insert into discussion_posts (id, topic_id, network_id, author_id, parent_id, body, via, helpful, created_at)
      select ${gen.postId("n", "t", "p")}, ${gen.topicId("n", "t")}, ${gen.networkId("n")},
        ${gen.userId(gen.memberUser("n", `${gen.h("pa", pkey, 1000)} % ${gen.memberCount("n")}`))},
        case when p > 0 and ${gen.h("pp", pkey, 4)} = 0 then ${gen.postId("n", "t", "p - 1")} end,
        ${gen.pick(w.replies, "pr", pkey)} || ' ' || ${gen.pick(w.sentenceStarts, "pb1", pkey)} || ' '
          || ${gen.pick(w.subjects, "pb2", pkey)} || ' ' || ${gen.pick(w.sentenceEnds, "pb3", pkey)},
        case when ${gen.h("pv", pkey, 8)} = 0 then 'email' else 'web' end,
        p = 0 and ${gen.h("ph", pkey, 5)} = 0,
        ${created} + ((p + 1) || ' hours')::interval
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(0, ${gen.topicCount("n")} - 1) as m(t)
        cross join lateral generate_series(0, ${gen.postCount("n", "t")} - 1) as q(p)`,
    posts,
  );
}
