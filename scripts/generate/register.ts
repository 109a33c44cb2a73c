// The Schoolleidersregister: profiles, ledgers of activities with points, certificates of
// completed routes and their audit trail.
import { type Gen, TODAY, textArray } from "./model.ts";
import { type Context, jobFunctionOf } from "./organisations.ts";
import * as w from "./words.ts";

const providers = [
  "AVS Academie",
  "VO-academie",
  "Netwerk Autopoiesis",
  "Hogeschool Utrecht",
  "NSO-CNA",
];

export async function generateRegister(gen: Gen, ctx: Context) {
  const { people } = gen.size;
  const leader = (u: string) => `${jobFunctionOf(gen, u)} = 'schoolleider'`;
  await gen.fill("register_profiles", people, 1, (a, b) => {
    return `insert into register_profiles (user_id, cycle_start)
      select ${gen.userId("u")}, (${TODAY} - ((100 + ${gen.h("rc", "u", 1200)}) || ' days')::interval)::date
      from generate_series(${a}, ${b - 1}) as g(u) where ${leader("u")}`;
  });
  const themes = ctx.professionalThemes.length
    ? ctx.professionalThemes
    : ["Leidinggeven aan leren"];
  const key = gen.key("u", "i");
  await gen.fill(
    "register_activities",
    people,
    4,
    (
      a,
      b,
    ) => `insert into register_activities (user_id, source, title, provider, learning_form, start_date, end_date,
        hours, points, themes, evidence)
      select ${gen.userId("u")}, ${gen.pick(["external", "external", "catalogue", "valuation"], "ras", key)},
        ${gen.pick(["Training", "Masterclass", "Studiedag", "Leergang", "Intervisietraject", "Congres"], "rat", key)}
          || ' ' || ${gen.pick(w.subjects, "ras2", key)} || ' (' || (i + 1) || ')',
        ${gen.pick(providers, "rap", key)},
        ${gen.pick(["formal", "non-formal", "informal"], "raf", key)},
        (${TODAY} - ((60 + 90 * i + ${gen.h("rad", key, 60)}) || ' days')::interval)::date,
        (${TODAY} - ((30 + 90 * i + ${gen.h("rad", key, 30)}) || ' days')::interval)::date,
        4 + ${gen.h("rah", key, 40)}, 5 + 5 * ${gen.h("rpt", key, 8)},
        ARRAY[(${textArray(themes)})[1 + ${gen.h("rth", key, themes.length)}]]::text[],
        'Bewijs van deelname in mijn dossier.'
      from generate_series(${a}, ${b - 1}) as g(u) cross join lateral generate_series(0, 1 + ${gen.h("ran", "u", 5)}) as m(i)
      where ${leader("u")}
      on conflict do nothing`,
  );
  // Certificates for the members who completed a route of an ended network.
  await gen.query(`insert into certificates (code, user_id, member_id, network_id, participant_name, title, route_name,
      provider, start_date, end_date, hours, points, themes, issued_at)
    select 'KP-' || upper(substr(md5('${gen.seed}:cert:' || m.id::text), 1, 10)), m.user_id, m.id, m.network_id, u.name, n.name,
      'Deelname', 'Knooppunt', coalesce(n.start_date, current_date - 365), coalesce(n.end_date, current_date - 20),
      60, 85, ARRAY['Leidinggeven aan leren']::text[], m.route_completed_at
    from network_members m join networks n on n.id = m.network_id join users u on u.id = m.user_id
    where m.route_completed_at is not null and u.email like '%@generated.test'`);
  await gen.query(`insert into register_activities (user_id, source, title, provider, learning_form, start_date, end_date,
      hours, points, themes, certificate_id)
    select c.user_id, 'route', c.title, c.provider, 'formal', c.start_date, c.end_date, c.hours, c.points, c.themes, c.id
    from certificates c where c.code like 'KP-%'
    on conflict do nothing`);
  await gen.query(`insert into register_audit (user_id, actor_id, action, certificate_id)
    select c.user_id, n.created_by, 'certificate-issued', c.id
    from certificates c join networks n on n.id = c.network_id where c.code like 'KP-%'`);
  gen.onProgress({ table: "certificates", done: 1, total: 1 });
}
