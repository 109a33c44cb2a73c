// Meetings (past and future, online and on location) with agenda items, preparers, cases and
// attendance; learning questions.
import { type Gen, TODAY, textArray } from "./model.ts";
import * as w from "./words.ts";

export async function generateMeetings(gen: Gen) {
  const { networks } = gen.size;
  const total = await gen.sum(networks, (n) => gen.meetingCount(n));
  const key = gen.key("n", "j");
  await gen.fill(
    "meetings",
    networks,
    10,
    (
      a,
      b,
    ) => `insert into meetings (id, network_id, theme, starts_at, ends_at, mode, online_url, address,
        speaker_name, speaker_invited_by, speaker_briefed, next_theme, is_closing, cancelled_at)
      select ${gen.meetingId("n", "j")}, ${gen.networkId("n")}, ${gen.pick(w.subjects, "mth", key)},
        starts, starts + interval '150 minutes', mode,
        case when mode = 'online' then 'https://meet.example.test/knooppunt-' || n || '-' || j else '' end,
        case when mode = 'location' then ${gen.pick(w.schoolNames, "mad", key)} || ', ' || ${gen.pick(w.streets, "mst", key)} || ' ' || (1 + ${gen.h("mno", key, 80)}) || ', ' || ${gen.pick(w.places, "mpl", key)} else '' end,
        case when ${gen.h("msp", key, 3)} = 0 then ${gen.pick(w.speakers, "msn", key)} else '' end,
        case when ${gen.h("msp", key, 3)} = 0 then 'de penvoerder' else '' end,
        ${gen.h("msb", key, 2)} = 0,
        case when starts < now() then ${gen.pick(w.subjects, "mnt", key)} else '' end,
        j = ${gen.meetingCount("n")} - 1 and ${gen.networkStatus("n")} = 'ended',
        case when ${gen.h("mca", key, 30)} = 0 then starts - interval '7 days' end
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(0, ${gen.meetingCount("n")} - 1) as m(j)
        cross join lateral (select
          ${TODAY} + ((((j - ${gen.pastMeetings("n")}) * 21 + 7 + ${gen.h("mdd", key, 5)})) || ' days')::interval + interval '15 hours' as starts,
          case when ${gen.h("mmo", key, 3)} = 0 then 'online' else 'location' end as mode) as x`,
    total,
  );
  await gen.fill(
    "meeting_programme_items",
    networks,
    40,
    (a, b) => `insert into meeting_programme_items (meeting_id, position, title, minutes)
      select ${gen.meetingId("n", "j")}, i, (${textArray(w.meetingItems)})[1 + (i * 2 + ${gen.h("mpi", key, 2)}) % ${w.meetingItems.length}], 15 + 15 * ${gen.h("mpm", gen.key(key, "i"), 4)}
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(0, ${gen.meetingCount("n")} - 1) as m(j)
        cross join lateral generate_series(0, 2 + ${gen.h("mpc", key, 3)}) as p(i)`,
    total * 4,
  );
  await gen.fill(
    "meeting_preparers",
    networks,
    3,
    (a, b) => `insert into meeting_preparers (meeting_id, user_id)
      select ${gen.meetingId("n", "j")}, ${gen.userId(gen.memberUser("n", `1 + ${gen.h("mpr", key, 10)}`))}
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(${gen.pastMeetings("n")}, ${gen.meetingCount("n")} - 1) as m(j)
      on conflict do nothing`,
  );
  await gen.fill(
    "meeting_cases",
    networks,
    2,
    (a, b) => `insert into meeting_cases (meeting_id, author_id, title, description, question)
      select ${gen.meetingId("n", "j")}, ${gen.userId(gen.memberUser("n", `2 + ${gen.h("mcs", key, 10)}`))},
        'Casus: ' || ${gen.pick(w.subjects, "mct", key)} || ' ' || ${gen.pick(w.contexts, "mcc", key)},
        ${gen.pick(w.sentenceStarts, "mcd", key)} || ' ' || ${gen.pick(w.subjects, "mct", key)} || ' ' || ${gen.pick(w.sentenceEnds, "mce", key)},
        ${gen.pick(w.questionOpeners, "mcq", key)} || ' ' || ${gen.pick(w.subjects, "mct", key)} || '?'
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(${gen.pastMeetings("n")}, ${gen.meetingCount("n")} - 1) as m(j)
      where ${gen.h("mcx", key, 2)} = 0`,
  );
  // Attendance of the active members at every past meeting.
  const attendanceTotal = await gen.sum(
    networks,
    (n) => `${gen.pastMeetings(n)} * ${gen.memberCount(n)}`,
  );
  await gen.fill(
    "attendance",
    networks,
    110,
    (a, b) => `insert into attendance (meeting_id, user_id, status, recorded_by, recorded_at)
      select ${gen.meetingId("n", "j")}, ${gen.userId(gen.memberUser("n", "k"))},
        case when x < 80 then 'present' when x < 92 then 'excused' else 'absent' end,
        ${gen.userId(gen.memberUser("n", "0"))}, now()
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(0, ${gen.pastMeetings("n")} - 1) as m(j)
        cross join lateral generate_series(0, ${gen.memberCount("n")} - 1) as mm(k)
        cross join lateral (select ${gen.h("at", gen.key(key, "k"), 100)} as x) as y
      where ${gen.memberStatus("n", "k")} = 'active'`,
    attendanceTotal,
  );
  // Route progress where a network has steps: enrolled, and intake conversations held.
  const withSteps = (n: string) => `(${n} = 0 or ${gen.h("nsp", n, 3)} = 0)`;
  await gen.fill(
    "step_completions",
    networks,
    8,
    (a, b) => `insert into step_completions (member_id, step_number, note, completed_at)
      select ${gen.memberId("n", "k")}, s, case s when 2 then 'Intakegesprek gevoerd.' else '' end,
        ${TODAY} - ((20 + ${gen.h("scd", gen.key("n", "k"), 200)}) || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(1, ${gen.memberCount("n")} - 1) as m(k)
        cross join generate_series(1, 2) as st(s)
      where ${withSteps("n")} and ${gen.memberStatus("n", "k")} = 'active' and (s = 1 or k % 2 = 0)`,
  );
  await gen.fill(
    "conversations",
    networks,
    4,
    (
      a,
      b,
    ) => `insert into conversations (member_id, facilitator_id, step_number, kind, status, starts_at, ends_at, shared_summary)
      select ${gen.memberId("n", "k")}, ${gen.userId(gen.memberUser("n", "0"))}, 2, 'intake', 'held',
        ${TODAY} - ((30 + k) || ' days')::interval + interval '10 hours', ${TODAY} - ((30 + k) || ' days')::interval + interval '11 hours',
        'We spraken over de leervraag rond ' || ${gen.pick(w.subjects, "cvs", gen.key("n", "k"))} || '.'
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(2, least(7, ${gen.memberCount("n")} - 1)) as m(k)
      where ${withSteps("n")} and k % 2 = 0`,
  );
  // Courses (every twentieth network): assignments and the first submissions.
  await gen.query(`insert into assignments (id, network_id, title, description, due_at, is_final)
    select ${gen.id("as", gen.key("n", "x"))}, ${gen.networkId("n")},
      (ARRAY['Opdracht 1: verken je praktijk', 'Opdracht 2: ontwerp een interventie', 'Eindopdracht met reflectie'])[1 + x],
      'Beschrijf in maximaal twee pagina''s hoe je dit aanpakt.', ${TODAY} + ((x * 30 - 20) || ' days')::interval, x = 2
    from generate_series(0, ${networks - 1}) as g(n) cross join generate_series(0, 2) as m(x) where n % 20 = 7`);
  await gen.query(`insert into submissions (assignment_id, user_id, text, reflection)
    select ${gen.id("as", gen.key("n", "0"))}, ${gen.userId(gen.memberUser("n", "k"))},
      'In mijn school speelt ' || ${gen.pick(w.subjects, "sbm", gen.key("n", "k"))} || ' een grote rol.', 'Ik heb geleerd om eerst te luisteren.'
    from generate_series(0, ${networks - 1}) as g(n) cross join generate_series(2, 6) as m(k) where n % 20 = 7
    on conflict do nothing`);
  await gen.fill(
    "learning_questions",
    networks,
    10,
    (
      a,
      b,
    ) => `insert into learning_questions (network_id, user_id, text, themes, professional_themes)
      select ${gen.networkId("n")}, ${gen.userId(gen.memberUser("n", "k"))},
        'Hoe kan ik als schoolleider ' || ${gen.pick(w.subjects, "lq", gen.key("n", "k"))} || ' ' || ${gen.pick(w.contexts, "lqc", gen.key("n", "k"))} || ' verder brengen?',
        ARRAY[${gen.pick(w.subjects, "lq", gen.key("n", "k"))}]::text[],
        ARRAY['Leidinggeven aan leren']::text[]
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(1, ${gen.memberCount("n")} - 1) as m(k)
      where ${gen.memberStatus("n", "k")} = 'active' and ${gen.h("lqx", gen.key("n", "k"), 3)} > 0
      on conflict do nothing`,
  );
}
