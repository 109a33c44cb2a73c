// The toolkit of the network-learning school: themes with their kennisweb, initiatives with
// involvement, network analyses, theme analyses, year agendas and network programmes. Themes are
// numbered q: first those of the networks (networkThemes each), then those of the toolkit schools.
import { currentSchoolYear } from "../../app/modules/toolkit/school-year.ts";
import { type Gen, literal, TODAY, textArray } from "./model.ts";
import * as w from "./words.ts";

const activities = [
  "thema-benoemd",
  "analyse-gemaakt",
  "gesprek-op-gang",
  "netwerken-geanalyseerd",
  "voorbeelden-gevonden",
  "media",
  "programmalijn",
  "ontmoetingsmomenten",
  "manifestatie",
];

export async function generateToolkit(gen: Gen) {
  const s = gen.size;
  const networkThemes = s.networks * s.networkThemes;
  const year = literal(currentSchoolYear());
  /** space of theme q */
  const themeSpace = (q: string) => `lateral (select
      case when ${q} < ${networkThemes} then 'network' else 'organisation' end as kind,
      case when ${q} < ${networkThemes} then ${gen.networkId(`${q} / ${s.networkThemes}`)}
        else ${gen.schoolId(gen.toolkitSchool(`(${q} - ${networkThemes}) / ${s.schoolThemes}`))} end as space_id,
      case when ${q} < ${networkThemes} then ${gen.userId(gen.memberUser(`${q} / ${s.networkThemes}`, "0"))}
        else ${gen.userId(gen.h("tcb", q, s.people))} end as author) as sp`;
  await gen.fill("themes", gen.themeCount, 1, (a, b) => {
    return `insert into themes (id, space_kind, space_id, name, kind, description, school_year, created_by)
      select ${gen.themeId("q")}, sp.kind, sp.space_id,
        initcap(${gen.pick(w.subjects, "thn", "q")}) || case when ${gen.h("thk", "q", 3)} = 0 then ' in de school' else '' end,
        ${gen.pick(["jaarthema", "vast", "tijdelijk"], "thk", "q")},
        'Dit jaar werken we aan ' || ${gen.pick(w.subjects, "thn", "q")} || ' ' || ${gen.pick(w.contexts, "thc", "q")} || '.',
        ${year}, sp.author
      from generate_series(${a}, ${b - 1}) as g(q), ${themeSpace("q")}`;
  });
  const kennisCount = (q: string) => `(${s.kennisMin} + ${gen.h("kc", q, s.kennisSpread)})`;
  const kennisTotal = await gen.sum(gen.themeCount, kennisCount);
  const key = gen.key("q", "i");
  await gen.fill(
    "kennisweb_items",
    gen.themeCount,
    Math.max(1, s.kennisMin + s.kennisSpread / 2),
    (
      a,
      b,
    ) => `insert into kennisweb_items (theme_id, kind, title, body, url, created_by, created_at)
      select ${gen.themeId("q")}, kind,
        ${gen.pick(w.kenniswebTitles, "kt", key)} || ' ' || ${gen.pick(w.subjects, "ks", key)} || ' ' || ${gen.pick(w.contexts, "kx", key)},
        ${gen.pick(w.sentenceStarts, "kb1", key)} || ' ' || ${gen.pick(w.subjects, "ks", key)} || ' ' || ${gen.pick(w.sentenceEnds, "kb2", key)},
        case when kind = 'link' then 'https://www.example.test/kennis/' || q || '-' || i else '' end,
        ${gen.userId(gen.h("kcb", key, s.people))},
        ${TODAY} - ((${kennisCount("q")} - i) || ' hours')::interval
      from generate_series(${a}, ${b - 1}) as g(q)
        cross join lateral generate_series(0, ${kennisCount("q")} - 1) as m(i)
        cross join lateral (select ${gen.pick(w.kenniswebKinds, "kk", key)} as kind) as x`,
    kennisTotal,
  );
  await gen.fill("theme_schakels", gen.themeCount, 1, (a, b) => {
    return `insert into theme_schakels (theme_id, user_id)
      select ${gen.themeId("q")}, ${gen.userId(gen.h("tsk", "q", s.people))} from generate_series(${a}, ${b - 1}) as g(q)`;
  });
  const schoolInitiatives = s.toolkitSchools * s.initiativesPerSchool;
  const initiativeCount = schoolInitiatives + s.networks;
  const initiativeSpace = (r: string) => `lateral (select
      case when ${r} < ${schoolInitiatives} then 'organisation' else 'network' end as kind,
      case when ${r} < ${schoolInitiatives} then ${gen.schoolId(gen.toolkitSchool(`${r} / ${s.initiativesPerSchool}`))}
        else ${gen.networkId(`${r} - ${schoolInitiatives}`)} end as space_id,
      case when ${r} < ${schoolInitiatives}
        then ${networkThemes} + (${r} / ${s.initiativesPerSchool}) * ${s.schoolThemes} + ${r} % ${s.schoolThemes}
        else (${r} - ${schoolInitiatives}) * ${s.networkThemes} end as theme_q,
      case when ${gen.h("ipl", r, 5)} = 0 then 'btg' else 'stappenplan' end as plan) as sp`;
  await gen.fill("initiatives", initiativeCount, 1, (a, b) => {
    return `insert into initiatives (id, space_kind, space_id, name, goal, for_whom, value_for_others, plan, current_step, created_by, created_at)
      select ${gen.id("in", "r")}, sp.kind, sp.space_id,
        ${gen.pick(["Pilot", "Werkgroep", "Project", "Leerteam", "Proeftuin"], "inn", "r")} || ' ' || ${gen.pick(w.subjects, "ins", "r")},
        'We willen ' || ${gen.pick(w.subjects, "ins", "r")} || ' ' || ${gen.pick(w.contexts, "inc", "r")} || ' een vaste plek geven.',
        'Leerlingen en leraren', 'Andere scholen kunnen de aanpak overnemen.',
        sp.plan, ${gen.h("ist", "r", 100)} % (case sp.plan when 'btg' then 8 else 11 end),
        ${gen.userId(gen.h("icb", "r", s.people))}, ${TODAY} - ((10 + ${gen.h("ica", "r", 300)}) || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(r), ${initiativeSpace("r")}`;
  });
  await gen.fill("initiative_themes", initiativeCount, 1, (a, b) => {
    return `insert into initiative_themes (initiative_id, theme_id)
      select ${gen.id("in", "r")}, ${gen.themeId("sp.theme_q")} from generate_series(${a}, ${b - 1}) as g(r), ${initiativeSpace("r")}`;
  });
  await gen.fill("initiative_involvement", initiativeCount, 3, (a, b) => {
    return `insert into initiative_involvement (initiative_id, user_id, position, kind, since)
      select ${gen.id("in", "r")}, ${gen.userId(gen.h("iiu", gen.key("r", "i"), s.people))},
        ${gen.pick(["i", "p", "s", "l", "g"], "iip", gen.key("r", "i"))}, ${gen.pick(["role", "role", "interest", "help", "pilot"], "iik", gen.key("r", "i"))},
        ${TODAY} - ((5 + ${gen.h("iis", gen.key("r", "i"), 200)}) || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(r) cross join generate_series(0, 2) as m(i)`;
  });
  await gen.fill("initiative_step_notes", initiativeCount, 1, (a, b) => {
    return `insert into initiative_step_notes (initiative_id, step, note, author_id)
      select ${gen.id("in", "r")}, 0, 'Startgesprek gevoerd met het team over ' || ${gen.pick(w.subjects, "ins", "r")} || '.',
        ${gen.userId(gen.h("icb", "r", s.people))}
      from generate_series(${a}, ${b - 1}) as g(r)`;
  });
  // One network analysis per toolkit school, around its first initiative.
  const ts = s.toolkitSchools;
  await gen.query(`insert into network_analyses (id, space_kind, space_id, initiative_id, centre, created_by)
    select ${gen.id("na", "i")}, 'organisation', ${gen.schoolId(gen.toolkitSchool("i"))}, ${gen.id("in", `i * ${s.initiativesPerSchool}`)},
      ${gen.pick(w.subjects, "ins", `i * ${s.initiativesPerSchool}`)}, ${gen.userId(gen.h("nacb", "i", s.people))}
    from generate_series(0, ${ts - 1}) as g(i)`);
  const categories = ["leerlingen", "ouders", "collega's", "externe partners", "bestuur", "anders"];
  await gen.fill("analysis_items", ts, 6, (a, b) => {
    return `insert into analysis_items (id, analysis_id, kind, label, category, user_id, story, x, y, created_by)
      select ${gen.id("ai", gen.key("i", "j"))}, ${gen.id("na", "i")},
        case when j < 4 then 'ingredient' else 'schakel' end,
        case when j < 4 then ${gen.pick(w.teams, "ail", gen.key("i", "j"))} else ${gen.pick(w.firstNames, "aif", gen.key("i", "j"))} || ' ' || ${gen.pick(w.lastNames, "ail2", gen.key("i", "j"))} end,
        (${textArray(categories)})[1 + ${gen.h("aic", gen.key("i", "j"), categories.length)}],
        case when j >= 4 then ${gen.userId(gen.h("aiu", gen.key("i", "j"), s.people))} end,
        case when j >= 4 then 'Vertelt het verhaal van het initiatief in de eigen sectie.' else '' end,
        100 + 60 * j, 80 + 40 * (j % 3), ${gen.userId(gen.h("nacb", "i", s.people))}
      from generate_series(${a}, ${b - 1}) as g(i) cross join generate_series(0, 5) as m(j)`;
  });
  await gen.query(`insert into analysis_links (schakel_id, ingredient_id)
    select ${gen.id("ai", gen.key("i", "4 + l % 2"))}, ${gen.id("ai", gen.key("i", "l"))}
    from generate_series(0, ${ts - 1}) as g(i) cross join generate_series(0, 3) as m(l)`);
  await gen.query(`insert into analysis_positions (item_id, position)
    select ${gen.id("ai", gen.key("i", "j"))}, ${gen.pick(["i", "p", "s", "l", "g"], "app", gen.key("i", "j"))}
    from generate_series(0, ${ts - 1}) as g(i) cross join generate_series(4, 5) as m(j)`);
  // Theme analyses and programmes for the first theme of each toolkit school.
  const firstSchoolTheme = (i: string) => `${networkThemes} + ${i} * ${s.schoolThemes}`;
  await gen.query(`insert into theme_analyses (theme_id, words, chosen_name, story, ideas)
    select ${gen.themeId(firstSchoolTheme("i"))},
      ARRAY[${gen.pick(w.subjects, "taw1", "i")}, ${gen.pick(w.subjects, "taw2", "i")}, 'samen leren']::text[],
      initcap(${gen.pick(w.subjects, "taw1", "i")}), 'Zo begon het: een collega vroeg om hulp.', 'Een manifestatie aan het einde van het jaar.'
    from generate_series(0, ${ts - 1}) as g(i)`);
  await gen.query(`insert into network_programmes (theme_id, starts_on, months, created_by)
    select ${gen.themeId(firstSchoolTheme("i"))}, (${TODAY} - interval '60 days')::date, 12, ${gen.userId(gen.h("nacb", "i", s.people))}
    from generate_series(0, ${ts - 1}) as g(i)`);
  await gen.query(`insert into programme_activities (theme_id, activity, planned_on, done_at, note)
    select ${gen.themeId(firstSchoolTheme("i"))}, (${textArray(activities)})[1 + a],
      (${TODAY} + ((a - 3) * 30 || ' days')::interval)::date, case when a < 3 then now() end, ''
    from generate_series(0, ${ts - 1}) as g(i) cross join generate_series(0, ${activities.length - 1}) as m(a)`);
  await gen.query(`insert into programme_signups (theme_id, user_id, "group")
    select ${gen.themeId(firstSchoolTheme("i"))}, ${gen.userId(gen.h("psu", gen.key("i", "j"), s.people))}, ${gen.pick(["denk", "doe", "nieuwsbrief"], "psg", gen.key("i", "j"))}
    from generate_series(0, ${ts - 1}) as g(i) cross join generate_series(0, 5) as m(j)
    on conflict do nothing`);
  await gen.query(`insert into agenda_meetings (id, space_kind, space_id, body, school_year, number, held_on)
    select ${gen.id("am", gen.key("i", "j"))}, 'organisation', ${gen.schoolId(gen.toolkitSchool("i"))}, 'Sectie Nederlands', ${year}, j + 1,
      (${TODAY} + ((j - 3) * 42 || ' days')::interval)::date
    from generate_series(0, ${ts - 1}) as g(i) cross join generate_series(0, 5) as m(j)`);
  await gen.query(`insert into agenda_plans (meeting_id, initiative_id, "column")
    select ${gen.id("am", gen.key("i", "j"))}, ${gen.id("in", `i * ${s.initiativesPerSchool} + p`)},
      ${gen.pick(["plannen", "informeren", "ervaringen", "geschrapt"], "apc", gen.key("i", "j", "p"))}
    from generate_series(0, ${ts - 1}) as g(i) cross join generate_series(0, 2) as m(j)
      cross join generate_series(0, ${Math.min(3, s.initiativesPerSchool - 1)}) as x(p)`);
  await gen.query(`insert into agenda_chores (meeting_id, text)
    select ${gen.id("am", gen.key("i", "j"))}, 'Rooster voor de studiedag rondsturen.'
    from generate_series(0, ${ts - 1}) as g(i) cross join generate_series(0, 5) as m(j)`);
}
