// The four people the benchmark and the EXPLAIN test sign in as, always the same addresses.
import { type Gen, literal, TODAY } from "./model.ts";
import type { Context } from "./organisations.ts";

export const personas = {
  member: "lid@generated.test",
  facilitator: "penvoerder@generated.test",
  coordinator: "coordinator@generated.test",
  schoolLeader: "schoolleider@generated.test",
} as const;

export async function generatePersonas(gen: Gen, ctx: Context, coordinatorProgrammeId: string) {
  const id = (who: string) =>
    gen.id("persona", String(["lid", "penvoerder", "coordinator", "schoolleider"].indexOf(who)));
  const lid = id("lid");
  const pen = id("penvoerder");
  const leader = id("schoolleider");
  const people = [
    ["lid", personas.member, "Lieke van Dijk", "teamleider", "1"],
    ["penvoerder", personas.facilitator, "Paul Verbruggen", "schoolleider", "2"],
    ["coordinator", personas.coordinator, "Carin Oosterhuis", "bestuurder", "3"],
    ["schoolleider", personas.schoolLeader, "Sander Luiten", "schoolleider", "0"],
  ] as const;
  await gen.query(`insert into users (id, email, name, password_hash, email_verified_at, job_function, bio, region_id)
    values ${people
      .map(
        ([key, email, name, job]) =>
          `(${id(key)}, ${literal(email)}, ${literal(name)}, ${literal(ctx.passwordHash)}, now(), ${literal(job)},
            'Ik werk aan formatief evalueren en toetsing en deel graag wat werkt.', ${ctx.regionIds[0] ? `${literal(ctx.regionIds[0])}::uuid` : "null"})`,
      )
      .join(", ")}`);
  const schoolCount = gen.size.schools;
  await gen.query(`insert into organisation_members (organisation_id, user_id, role, status)
    values ${people
      .map(
        ([key, , , , school]) =>
          `(${gen.schoolId(String(Number(school) % schoolCount))}, ${id(key)}, ${key === "schoolleider" ? "'admin'" : "'member'"}, 'confirmed')`,
      )
      .join(", ")}
    on conflict do nothing`);
  await gen.query(`insert into programme_coordinators (programme_id, user_id)
    values (${literal(coordinatorProgrammeId)}, ${id("coordinator")})`);
  // The member: in the large network (with the herregistratie route) and two more.
  await gen.query(`insert into network_members (network_id, user_id, role, status, route_id, organisation_id, motivation, joined_at)
    values (${gen.networkId("0")}, ${lid}, 'deelnemer', 'active', ${gen.routeId("0", "1")}, ${gen.schoolId("1")},
        'Ik wil leren hoe andere scholen formatief evalueren aanpakken.', ${TODAY} - interval '300 days'),
      (${gen.networkId("0")}, ${pen}, 'penvoerder', 'active', null, ${gen.schoolId(String(2 % schoolCount))}, '', ${TODAY} - interval '400 days'),
      (${gen.networkId("1")}, ${lid}, 'deelnemer', 'active', ${gen.routeId("1", "0")}, ${gen.schoolId("1")}, 'Nieuwsgierig naar dit thema.', ${TODAY} - interval '100 days')
    on conflict do nothing`);
  await gen.query(`insert into attendance (meeting_id, user_id, status, recorded_by)
    select ${gen.meetingId("0", "j")}, ${lid}, case when j % 7 = 3 then 'excused' else 'present' end, ${pen}
    from generate_series(0, ${gen.pastMeetings("0")} - 1) as g(j)`);
  await gen.query(`insert into learning_questions (network_id, user_id, text, themes, professional_themes)
    values (${gen.networkId("0")}, ${lid}, 'Hoe zet ik formatief evalueren in zonder dat de toetsdruk stijgt?',
      ARRAY['formatief evalueren', 'toetsing']::text[], ARRAY['Leidinggeven aan leren']::text[])`);
  // A buddy pair with member 2 of the large network, and a seat in its first intervision group.
  await gen.query(
    `insert into buddy_groups (id, network_id, created_by) values (${gen.id("bgp", "0")}, ${gen.networkId("0")}, ${pen})`,
  );
  await gen.query(`insert into buddy_group_members (group_id, network_id, user_id) values
    (${gen.id("bgp", "0")}, ${gen.networkId("0")}, ${lid}),
    (${gen.id("bgp", "0")}, ${gen.networkId("0")}, ${gen.userId(gen.memberUser("0", "2"))})`);
  await gen.query(`insert into buddy_notes (group_id, author_id, body) values
    (${gen.id("bgp", "0")}, ${lid}, 'Fijn gesprek gehad over de kijkwijzer voor formatief evalueren.')`);
  await gen.query(`insert into buddy_meetings (group_id, starts_at, ends_at, place, created_by) values
    (${gen.id("bgp", "0")}, ${TODAY} + interval '9 days 10 hours', ${TODAY} + interval '9 days 11 hours', 'Utrecht', ${lid})`);
  await gen.query(
    `insert into intervision_group_members (group_id, user_id) values (${gen.id("ig", gen.key("0", "0"))}, ${lid})`,
  );
  // Topics the member started, answered by the network.
  await gen.query(`insert into discussion_topics (id, network_id, author_id, kind, title, body, themes, created_at, last_activity_at)
    select ${gen.id("ptp", "i")}, ${gen.networkId("0")}, ${lid}, 'question',
      (ARRAY['Wie werkt met exit tickets bij formatief evalueren?', 'Hoe verminder je de toetsdruk in de bovenbouw?', 'Leesbevordering: wat doen jullie met de bibliotheek?'])[1 + i],
      'Ik ben benieuwd naar jullie ervaringen met toetsing en formatief evalueren in de praktijk.',
      ARRAY['formatief evalueren']::text[], ${TODAY} - ((i + 1) || ' days')::interval, ${TODAY} - (i || ' days')::interval
    from generate_series(0, 2) as g(i)`);
  await gen.query(`insert into discussion_posts (topic_id, network_id, author_id, body, created_at)
    select ${gen.id("ptp", "i")}, ${gen.networkId("0")}, ${gen.userId(gen.memberUser("0", "3 + p"))},
      'Bij ons werkt het goed om het team eerst samen te laten oefenen met formatief evalueren.',
      ${TODAY} - ((i + 1) || ' days')::interval + ((p + 1) || ' hours')::interval
    from generate_series(0, 2) as g(i) cross join generate_series(0, 3) as m(p)`);
  await gen.query(`insert into discussion_reads (topic_id, user_id, seen_at)
    select ${gen.topicId("0", "t")}, ${lid}, now() - interval '2 days'
    from generate_series(0, ${gen.size.largeTopics / 2 - 1}) as g(t)`);
  await gen.query(`insert into survey_invitations (survey_id, user_id, token_hash, answered)
    values (${gen.id("sv", gen.key("0", "1"))}, ${lid}, md5('${gen.seed}:inv:persona'), false)
    on conflict do nothing`);
  await gen.query(`insert into calendar_settings (user_id) values (${lid}) on conflict do nothing`);
  // Register points for the member and the school leader.
  for (const [who, cycle] of [
    [lid, 500],
    [leader, 900],
  ] as const) {
    await gen.query(
      `insert into register_profiles (user_id, cycle_start) values (${who}, (${TODAY} - interval '${cycle} days')::date)`,
    );
    await gen.query(`insert into register_activities (user_id, source, title, provider, learning_form, start_date, end_date, hours, points, themes, evidence)
      select ${who}, 'external',
        (ARRAY['Masterclass formatief evalueren', 'Leergang toetsing en examinering', 'Studiedag leesbevordering', 'Intervisietraject schoolleiders', 'Congres passend onderwijs'])[1 + i],
        'AVS Academie', 'formal', (${TODAY} - ((80 + 120 * i) || ' days')::interval)::date,
        (${TODAY} - ((60 + 120 * i) || ' days')::interval)::date, 16, 20 + 5 * i,
        ARRAY['Leidinggeven aan leren']::text[], 'Certificaat van deelname.'
      from generate_series(0, 4) as g(i)`);
  }
  await gen.query(`insert into certificates (code, user_id, network_id, participant_name, title, route_name, provider,
      start_date, end_date, hours, points, themes)
    values ('KP-PERSONA-${gen.seed}', ${leader}, ${gen.networkId("0")}, 'Sander Luiten', ${literal("Leergang netwerkleren")},
      'Deelname', 'Knooppunt', (${TODAY} - interval '400 days')::date, (${TODAY} - interval '40 days')::date, 60, 85,
      ARRAY['Leidinggeven aan leren']::text[])`);
  // The school leader's toolkit space is school 0, a toolkit school: an initiator there.
  await gen.query(
    `insert into initiative_involvement (initiative_id, user_id, position) values (${gen.id("in", "0")}, ${leader}, 'i')`,
  );
  await gen.query(`insert into theme_schakels (theme_id, user_id)
    values (${gen.themeId(String(gen.size.networks * gen.size.networkThemes))}, ${leader}) on conflict do nothing`);
  return { lid, pen };
}
