// Networks with their routes, steps and phases; memberships and waiting lists; applications.
import { type Gen, literal, TODAY } from "./model.ts";
import { type Context, regionOf } from "./organisations.ts";
import * as w from "./words.ts";

const largeNetworkName = "Leernetwerk Formatief evalueren en toetsing";

export async function generateNetworks(gen: Gen, ctx: Context, coordinatorProgrammeId: string) {
  const { networks } = gen.size;
  const programme = ctx.programmeIds.length
    ? `(case when n = 0 then ${literal(coordinatorProgrammeId)}::uuid when ${gen.h("np", "n", 10)} < 6 then null
        else (ARRAY[${ctx.programmeIds.map(literal).join(",")}]::uuid[])[1 + ${gen.h("npi", "n", ctx.programmeIds.length)}] end)`
    : "null::uuid";
  await gen.fill("networks", networks, 1, (a, b) => {
    return `insert into networks (id, kind, name, question, description, themes, sectors, target_functions,
        intended_members, region_id, programme_id, status, openness, join_mode, form, meeting_pattern,
        meetings_per_year, capacity, start_date, end_date, duration_months, costs_note, phase, created_by, created_at)
      select ${gen.networkId("n")},
        case when n % 20 = 7 then 'course' else 'network' end,
        case when n = 0 then ${literal(largeNetworkName)}
          else ${gen.pick(w.networkKinds, "nk", "n")} || ' ' || subject || ' ' || ${gen.pick(w.places, "npl", "n")} end,
        ${gen.pick(w.questionOpeners, "nq", "n")} || ' ' || subject || ' ' || ${gen.pick(w.contexts, "nc", "n")} || '?',
        ${gen.pick(w.sentenceStarts, "nd1", "n")} || ' ' || subject || ' ' || ${gen.pick(w.sentenceEnds, "nd2", "n")} || ' '
          || 'In dit netwerk delen schoolleiders hun ervaringen met ' || ${gen.pick(w.subjects, "nd3", "n")}
          || ' en ' || subject || '.',
        ARRAY[subject, ${gen.pick(w.subjects, "nt2", "n")}]::text[],
        ARRAY[${gen.pick(["PO", "PO", "VO", "SO", "MBO"], "nse", "n")}]::text[],
        ARRAY['schoolleider', ${gen.pick(["teamleider", "afdelingsleider", "bestuurder", "intern-begeleider"], "ntf", "n")}]::text[],
        'Schoolleiders en teamleiders die willen leren van collega''s.',
        ${regionOf(gen, ctx, "nr", "n")}, ${programme},
        status,
        case when n = 0 or ${gen.h("no", "n", 4)} > 0 then 'open' else 'closed' end,
        case when n > 0 and ${gen.h("nj", "n", 8)} = 0 then 'nomination' else 'direct' end,
        ${gen.pick(["online", "location", "mixed", "mixed"], "nf", "n")},
        'Zes bijeenkomsten per jaar, afwisselend op locatie en online',
        4 + ${gen.h("nmy", "n", 7)},
        case when n = 0 then 400 else ${gen.memberCount("n")} + ${gen.h("ncap", "n", 6)} end,
        (${TODAY} - ((200 + ${gen.h("nsd", "n", 500)}) || ' days')::interval)::date,
        case when status = 'ended' then (${TODAY} - ((10 + ${gen.h("ned", "n", 150)}) || ' days')::interval)::date end,
        12 + ${gen.h("ndm", "n", 13)},
        case when ${gen.h("ncn", "n", 3)} = 0 then 'Deelname is kosteloos voor leden.' else '' end,
        case status when 'ended' then 'oogsten' when 'in-formation' then 'zaaien' else
          ${gen.pick(["zaaien", "cultiveren", "cultiveren", "oogsten"], "nph", "n")} end,
        ${gen.userId(gen.memberUser("n", "0"))},
        ${TODAY} - ((210 + ${gen.h("nsd", "n", 500)}) || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(n),
        lateral (select ${gen.pick(w.subjects, "ns", "n")} as subject, ${gen.networkStatus("n")} as status) as x`;
  });
  await gen.fill("network_phase_changes", networks, 1, (a, b) => {
    return `insert into network_phase_changes (network_id, phase, note)
      select id, phase, 'Stand bij het genereren.' from networks
      where id in (select ${gen.networkId("n")} from generate_series(${a}, ${b - 1}) as g(n))`;
  });
  const steps = [
    ["Aanmelden", "enrol"],
    ["Intakegesprek", "intake"],
    ["Bijeenkomsten bijwonen", "meetings"],
    ["Ontwikkelgesprek", "development"],
    ["Eindpresentatie", "presentation"],
  ];
  await gen.fill("network_steps", networks, steps.length, (a, b) => {
    return `insert into network_steps (network_id, number, title, kind)
      select ${gen.networkId("n")}, s.number, s.title, s.kind
      from generate_series(${a}, ${b - 1}) as g(n),
        (values ${steps.map(([title, kind], i) => `(${i + 1}, ${literal(title ?? "")}, ${literal(kind ?? "")})`).join(", ")}) as s(number, title, kind)
      where n = 0 or ${gen.h("nsp", "n", 3)} = 0`;
  });
  await gen.fill("enrolment_routes", networks, 2, (a, b) => {
    return `insert into enrolment_routes (id, network_id, name, price_cents, includes, step_numbers, position,
        min_meetings, register_points, register_themes)
      select ${gen.routeId("n", "r")}, ${gen.networkId("n")},
        case r when 0 then 'Deelname' else 'Deelname met herregistratie' end,
        case when ${gen.h("rp", "n", 3)} = 0 then 0 else 45000 + 15000 * r end,
        'Alle bijeenkomsten, intake en materialen.',
        case when n = 0 or ${gen.h("nsp", "n", 3)} = 0 then ARRAY[1, 2, 3, 5] else '{}'::int[] end,
        r, 4, case r when 1 then 85 end,
        case r when 1 then ARRAY['Leidinggeven aan leren']::text[] else '{}'::text[] end
      from generate_series(${a}, ${b - 1}) as g(n), generate_series(0, 1) as r(r)
      where r = 0 or n = 0 or ${gen.h("nr2", "n", 3)} = 0`;
  });
  await gen.query(`insert into course_details (network_id, contact_days, self_study_hours, teacher_note)
    select ${gen.networkId("n")}, 5, 120, 'Lees de literatuur voor elke contactdag.'
    from generate_series(0, ${networks - 1}) as g(n) where n % 20 = 7`);
}

export async function generateMemberships(gen: Gen) {
  const { networks } = gen.size;
  const total = await gen.sum(networks, (n) => gen.memberCount(n));
  await gen.fill(
    "network_members",
    networks,
    16,
    (a, b) => {
      return `insert into network_members (id, network_id, user_id, role, status, route_id, organisation_id,
          motivation, learning_question_draft, joined_at, left_at, route_completed_at)
        select ${gen.memberId("n", "k")}, ${gen.networkId("n")}, ${gen.userId("uidx")}, ${gen.memberRole("n", "k")}, status,
          case when ${gen.memberRole("n", "k")} = 'deelnemer' then ${gen.routeId("n", "0")} end,
          ${gen.schoolId(gen.schoolOf("uidx"))},
          'Ik wil leren van collega''s die ook werken aan ' || ${gen.pick(w.subjects, "mm", gen.key("n", "k"))} || '.',
          case when status in ('nominated', 'awaiting-intake') then 'Hoe kan ik ' || ${gen.pick(w.subjects, "mlq", gen.key("n", "k"))} || ' beter verankeren?' else '' end,
          case when status in ('active', 'left') then ${TODAY} - ((30 + ${gen.h("mj", gen.key("n", "k"), 400)}) || ' days')::interval end,
          case when status = 'left' then ${TODAY} - (${gen.h("ml", gen.key("n", "k"), 30)} || ' days')::interval end,
          case when status = 'active' and ${gen.networkStatus("n")} = 'ended' and k > 0 then ${TODAY} - interval '20 days' end
        from generate_series(${a}, ${b - 1}) as g(n)
          cross join lateral generate_series(0, ${gen.memberCount("n")} - 1) as m(k)
          cross join lateral (select ${gen.memberUser("n", "k")} as uidx, ${gen.memberStatus("n", "k")} as status) as x
        on conflict do nothing`;
    },
    total,
  );
  // A waiting list where a network is full: the people after the last member in the stride.
  await gen.fill("waiting_list", networks, 1, (a, b) => {
    return `insert into waiting_list (network_id, user_id, route_id, organisation_id, motivation, status, offer_expires_at, created_at)
      select ${gen.networkId("n")}, ${gen.userId("uidx")}, ${gen.routeId("n", "0")}, ${gen.schoolId(gen.schoolOf("uidx"))},
        'Graag sluit ik aan zodra er plek is.',
        case when j = 0 and ${gen.h("wo", "n", 2)} = 0 then 'offered' else 'waiting' end,
        case when j = 0 and ${gen.h("wo", "n", 2)} = 0 then ${TODAY} + interval '5 days' end,
        ${TODAY} - ((j + 1) || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(n)
        cross join lateral generate_series(0, 2) as m(j)
        cross join lateral (select ${gen.memberUser("n", `${gen.memberCount("n")} + j`)} as uidx) as x
      where n = 0 or ${gen.h("wl", "n", 8)} = 0
      on conflict do nothing`;
  });
}

export async function generateApplications(gen: Gen) {
  await gen.query(`insert into support_applications (network_id, programme_id, status, submitted_by, submitted_at,
      declarations, evaluation, decision_note, decided_at)
    select n.id, n.programme_id, x.status, n.created_by, n.created_at + interval '14 days', '{}'::jsonb, '[]'::jsonb,
      case when x.status = 'submitted' then '' else 'Besproken in het programmaoverleg.' end,
      case when x.status <> 'submitted' then n.created_at + interval '30 days' end
    from generate_series(0, ${gen.size.networks - 1}) as g(i)
      join networks n on n.id = ${gen.networkId("i")}
      cross join lateral (select ${gen.pick(["submitted", "approved", "approved", "declined"], "sa", "i")} as status) as x
    where n.programme_id is not null and (i = 0 or ${gen.h("sap", "i", 3)} = 0)`);
}
