// Buddy pairs (maatjes) and intervision groups with their notes, agreements and sessions.
import { type Gen, literal, TODAY } from "./model.ts";
import type { Context } from "./organisations.ts";
import * as w from "./words.ts";

/** Pairs use members 4, 5, 6, …; member 2 of network 0 is kept for the member persona. */
const pairs = (gen: Gen, n: string) =>
  `(case when ${n} = 0 then 20 when ${gen.h("bg", n, 3)} = 0 then least(5, (${gen.memberCount(n)} - 4) / 2) else 0 end)`;
/** Groups of five from member 2 on (in network 0 from member 3 on). */
const groups = (gen: Gen, n: string) =>
  `(case when ${n} = 0 then 6 when ${gen.h("ig", n, 4)} = 0 then least(2, (${gen.memberCount(n)} - 2) / 5) else 0 end)`;
const groupFirst = (n: string) => `(case when ${n} = 0 then 3 else 2 end)`;

export async function generatePeerGroups(gen: Gen, ctx: Context) {
  const { networks } = gen.size;
  const key = gen.key("n", "g");
  await gen.fill(
    "buddy_groups",
    networks,
    2,
    (a, b) => `insert into buddy_groups (id, network_id, created_by, created_at)
      select ${gen.id("bg", key)}, ${gen.networkId("n")}, ${gen.userId(gen.memberUser("n", "0"))}, ${TODAY} - interval '60 days'
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${pairs(gen, "n")} - 1) as m(g)`,
  );
  await gen.fill(
    "buddy_group_members",
    networks,
    4,
    (a, b) => `insert into buddy_group_members (group_id, network_id, user_id)
      select ${gen.id("bg", key)}, ${gen.networkId("n")}, ${gen.userId(gen.memberUser("n", "4 + 2 * g + i"))}
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${pairs(gen, "n")} - 1) as m(g)
        cross join generate_series(0, 1) as p(i)
      on conflict do nothing`,
  );
  await gen.fill(
    "buddy_notes",
    networks,
    4,
    (a, b) => `insert into buddy_notes (group_id, author_id, body, created_at)
      select ${gen.id("bg", key)}, ${gen.userId(gen.memberUser("n", "4 + 2 * g + i % 2"))},
        ${gen.pick(w.replies, "bn", gen.key(key, "i"))}, ${TODAY} - ((30 - i) || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${pairs(gen, "n")} - 1) as m(g)
        cross join generate_series(0, 2) as p(i)`,
  );
  await gen.fill(
    "buddy_agreements",
    networks,
    2,
    (a, b) => `insert into buddy_agreements (group_id, text, done_at, created_by)
      select ${gen.id("bg", key)}, 'We bellen elke maand over ' || ${gen.pick(w.subjects, "ba", key)} || '.',
        case when ${gen.h("bad", key, 2)} = 0 then now() end, ${gen.userId(gen.memberUser("n", "4 + 2 * g"))}
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${pairs(gen, "n")} - 1) as m(g)`,
  );
  await gen.fill(
    "buddy_meetings",
    networks,
    2,
    (a, b) => `insert into buddy_meetings (group_id, starts_at, ends_at, place, created_by)
      select ${gen.id("bg", key)}, ${TODAY} + ((${gen.h("bmd", key, 40)} - 10) || ' days')::interval + interval '10 hours',
        ${TODAY} + ((${gen.h("bmd", key, 40)} - 10) || ' days')::interval + interval '11 hours',
        ${gen.pick(w.places, "bmp", key)}, ${gen.userId(gen.memberUser("n", "4 + 2 * g"))}
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${pairs(gen, "n")} - 1) as m(g)`,
  );
  await gen.fill(
    "intervision_groups",
    networks,
    1,
    (a, b) => `insert into intervision_groups (id, network_id, name, created_by, created_at)
      select ${gen.id("ig", key)}, ${gen.networkId("n")}, 'Intervisiegroep ' || (g + 1), ${gen.userId(gen.memberUser("n", "0"))}, ${TODAY} - interval '90 days'
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${groups(gen, "n")} - 1) as m(g)`,
  );
  await gen.fill(
    "intervision_group_members",
    networks,
    5,
    (a, b) => `insert into intervision_group_members (group_id, user_id)
      select ${gen.id("ig", key)}, ${gen.userId(gen.memberUser("n", `${groupFirst("n")} + 5 * g + i`))}
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${groups(gen, "n")} - 1) as m(g)
        cross join generate_series(0, 4) as p(i)
      on conflict do nothing`,
  );
  if (!ctx.methodIds.length) return;
  const method = `(ARRAY[${ctx.methodIds.map(literal).join(",")}]::uuid[])[1 + ${gen.h("ism", key, ctx.methodIds.length)}]`;
  await gen.fill(
    "intervision_sessions",
    networks,
    2,
    (
      a,
      b,
    ) => `insert into intervision_sessions (id, group_id, case_owner_id, case_title, case_text, method_id, steps,
        current_step, insight, next_step, created_at, completed_at)
      select ${gen.id("is", gen.key(key, "s"))}, ${gen.id("ig", key)}, ${gen.userId(gen.memberUser("n", `${groupFirst("n")} + 5 * g + s`))},
        'Casus over ' || ${gen.pick(w.subjects, "ist", gen.key(key, "s"))},
        ${gen.pick(w.sentenceStarts, "isx", gen.key(key, "s"))} || ' ' || ${gen.pick(w.subjects, "ist", gen.key(key, "s"))} || ' ' || ${gen.pick(w.sentenceEnds, "isy", gen.key(key, "s"))},
        im.id, im.steps, jsonb_array_length(im.steps),
        'Ik ga eerst met het team in gesprek.', 'Een plan maken voor de volgende periode.',
        ${TODAY} - ((40 - 14 * s) || ' days')::interval, ${TODAY} - ((40 - 14 * s) || ' days')::interval + interval '2 hours'
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${groups(gen, "n")} - 1) as m(g)
        cross join generate_series(0, 1) as p(s)
        join intervision_methods im on im.id = ${method}`,
  );
  await gen.fill(
    "intervision_notes",
    networks,
    6,
    (a, b) => `insert into intervision_notes (session_id, author_id, step_index, body)
      select ${gen.id("is", gen.key(key, "s"))}, ${gen.userId(gen.memberUser("n", `${groupFirst("n")} + 5 * g + i`))}, i,
        ${gen.pick(w.replies, "inb", gen.key(key, "s", "i"))}
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${groups(gen, "n")} - 1) as m(g)
        cross join generate_series(0, 1) as p(s) cross join generate_series(0, 2) as q(i)`,
  );
}
