// Surveys with invitations and (anonymous) answers, ranking polls, and the harvest: the good
// practices (goede voorbeelden) networks found.
import { evaluationTemplate, scaleLabels } from "../../app/modules/evaluation/survey-template.ts";
import { type Gen, literal, TODAY, textArray } from "./model.ts";
import * as w from "./words.ts";

export async function generateEvaluation(gen: Gen) {
  const { networks } = gen.size;
  const surveyed = (n: string) => `(${n} = 0 or ${gen.h("sv", n, 3)} = 0)`;
  const skey = gen.key("n", "s");
  await gen.fill(
    "surveys",
    networks,
    1,
    (
      a,
      b,
    ) => `insert into surveys (id, network_id, kind, title, anonymous, scale_labels, baseline_id, sent_at, closed_at, created_by, created_at)
      select ${gen.id("sv", skey)}, ${gen.networkId("n")}, case s when 0 then 'baseline' else 'follow-up' end,
        case s when 0 then 'Nulmeting' else 'Tussenmeting' end, true, ${textArray(scaleLabels)},
        case s when 1 then ${gen.id("sv", gen.key("n", "0"))} end,
        ${TODAY} - ((200 - 150 * s) || ' days')::interval,
        case s when 0 then ${TODAY} - interval '170 days' end,
        ${gen.userId(gen.memberUser("n", "0"))}, ${TODAY} - ((210 - 150 * s) || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(n) cross join generate_series(0, 1) as m(s)
      where ${surveyed("n")}`,
  );
  const items = evaluationTemplate
    .map((item, i) => `(${i}, ${literal(item.kind)}, ${literal(item.code)}, ${literal(item.text)})`)
    .join(", ");
  await gen.fill(
    "survey_items",
    networks,
    22,
    (a, b) => `insert into survey_items (id, survey_id, position, kind, code, text)
      select ${gen.id("si", gen.key(skey, "it.position"))}, ${gen.id("sv", skey)}, it.position, it.kind, it.code, it.text
      from generate_series(${a}, ${b - 1}) as g(n) cross join generate_series(0, 1) as m(s)
        cross join (values ${items}) as it(position, kind, code, text)
      where ${surveyed("n")}`,
  );
  const ikey = gen.key("n", "s", "k");
  const answered = `(${gen.h("sa", ikey, 10)} < 7)`;
  await gen.fill(
    "survey_invitations",
    networks,
    30,
    (a, b) => `insert into survey_invitations (survey_id, user_id, token_hash, answered)
      select ${gen.id("sv", skey)}, ${gen.userId(gen.memberUser("n", "k"))}, md5('${gen.seed}:inv:' || ${ikey}), ${answered}
      from generate_series(${a}, ${b - 1}) as g(n) cross join generate_series(0, 1) as m(s)
        cross join lateral generate_series(1, ${gen.memberCount("n")} - 1) as mm(k)
      where ${surveyed("n")} and ${gen.memberStatus("n", "k")} = 'active'`,
  );
  await gen.fill(
    "survey_responses",
    networks,
    20,
    (a, b) => `insert into survey_responses (id, survey_id)
      select ${gen.id("sr", ikey)}, ${gen.id("sv", skey)}
      from generate_series(${a}, ${b - 1}) as g(n) cross join generate_series(0, 1) as m(s)
        cross join lateral generate_series(1, ${gen.memberCount("n")} - 1) as mm(k)
      where ${surveyed("n")} and ${gen.memberStatus("n", "k")} = 'active' and ${answered}`,
  );
  await gen.fill(
    "survey_answers",
    networks,
    220,
    (a, b) => `insert into survey_answers (response_id, item_id, score, text)
      select ${gen.id("sr", ikey)}, ${gen.id("si", gen.key(skey, "it.position"))},
        case when it.kind = 'scale' then 1 + least(4, 1 + s + ${gen.h("sas", gen.key(ikey, "it.position"), 3)}) end,
        case when it.kind = 'open' then ${gen.pick(w.replies, "sat", gen.key(ikey, "it.position"))} else '' end
      from generate_series(${a}, ${b - 1}) as g(n) cross join generate_series(0, 1) as m(s)
        cross join lateral generate_series(1, ${gen.memberCount("n")} - 1) as mm(k)
        cross join (values ${evaluationTemplate.map((item, i) => `(${i}, ${literal(item.kind)})`).join(", ")}) as it(position, kind)
      where ${surveyed("n")} and ${gen.memberStatus("n", "k")} = 'active' and ${answered}`,
  );
  // Ranking polls: five subjects in a row of the list, so the labels in one poll differ.
  const polled = (n: string) => `(${n} = 0 or ${gen.h("pl", n, 5)} = 0)`;
  await gen.query(`insert into polls (id, network_id, title, question, created_by)
    select ${gen.id("pl", "n")}, ${gen.networkId("n")}, 'Thema''s voor volgend jaar', 'Welke thema''s wil je volgend jaar bespreken?',
      ${gen.userId(gen.memberUser("n", "0"))}
    from generate_series(0, ${networks - 1}) as g(n) where ${polled("n")}`);
  await gen.query(`insert into poll_options (id, poll_id, position, label)
    select ${gen.id("po", gen.key("n", "i"))}, ${gen.id("pl", "n")}, i,
      (${textArray(w.subjects)})[1 + (${gen.h("pos", "n", w.subjects.length)} + i) % ${w.subjects.length}]
    from generate_series(0, ${networks - 1}) as g(n) cross join generate_series(0, 4) as m(i) where ${polled("n")}`);
  const bkey = gen.key("n", "k");
  const option = (salt: string, offset: number) =>
    gen.id("po", gen.key("n", `(${gen.h(salt, bkey, 5)} + ${offset}) % 5`));
  await gen.query(`insert into poll_ballots (poll_id, first, second, third)
    select ${gen.id("pl", "n")}, ${option("pb", 0)}, ${option("pb", 1)}, ${option("pb", 2)}
    from generate_series(0, ${networks - 1}) as g(n) cross join generate_series(1, 8) as m(k) where ${polled("n")}`);
  await gen.query(`insert into poll_voters (poll_id, user_id)
    select ${gen.id("pl", "n")}, ${gen.userId(gen.memberUser("n", "k"))}
    from generate_series(0, ${networks - 1}) as g(n) cross join generate_series(1, 8) as m(k) where ${polled("n")}
    on conflict do nothing`);
  const harvestCount = (n: string) =>
    `(case when ${n} = 0 then 25 else ${gen.h("hc", n, gen.size.harvestSpread)} end)`;
  const hkey = gen.key("n", "i");
  const author = gen.memberUser(
    "n",
    `1 + ${gen.h("hau", hkey, 1000)} % (${gen.memberCount("n")} - 1)`,
  );
  await gen.fill(
    "harvest_outcomes",
    networks,
    30,
    (
      a,
      b,
    ) => `insert into harvest_outcomes (id, network_id, title, answer, school_id, school_consent_at,
        publish_requested_at, published_at, created_by, created_at)
      select ${gen.id("ho", hkey)}, ${gen.networkId("n")},
        ${gen.pick(w.outcomeTitles, "hot", hkey)} || ' ' || ${gen.pick(w.subjects, "hos", hkey)} || ' ' || ${gen.pick(w.contexts, "hoc", hkey)},
        ${gen.pick(w.sentenceStarts, "hoa1", hkey)} || ' ' || ${gen.pick(w.subjects, "hos", hkey)} || ' ' || ${gen.pick(w.sentenceEnds, "hoa2", hkey)} || ' '
          || ${gen.pick(w.replies, "hoa3", hkey)},
        ${gen.schoolId(gen.schoolOf(author))},
        case when published then now() - interval '10 days' end,
        case when published then now() - interval '12 days' end,
        case when published then now() - interval '9 days' end,
        ${gen.userId(author)}, ${TODAY} - ((1 + ${gen.h("hoca", hkey, 300)}) || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${harvestCount("n")} - 1) as m(i)
        cross join lateral (select ${gen.h("hop", hkey, 2)} = 0 as published) as x`,
    await gen.sum(networks, harvestCount),
  );
  await gen.fill(
    "harvest_people",
    networks,
    30,
    (a, b) => `insert into harvest_people (outcome_id, user_id, consent_at)
      select ${gen.id("ho", hkey)}, ${gen.userId(author)}, case when ${gen.h("hop", hkey, 2)} = 0 then now() - interval '11 days' end
      from generate_series(${a}, ${b - 1}) as g(n) cross join lateral generate_series(0, ${harvestCount("n")} - 1) as m(i)`,
  );
}
