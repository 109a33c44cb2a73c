// Boards, schools, people with their workplace and expertise.
import { type Gen, literal, TODAY, textArray } from "./model.ts";
import * as w from "./words.ts";

export interface Context {
  regionIds: string[];
  programmeIds: string[];
  passwordHash: string;
  professionalThemes: string[];
  methodIds: string[];
}

const regionOf = (gen: Gen, ctx: Context, salt: string, expr: string) =>
  ctx.regionIds.length
    ? `(ARRAY[${ctx.regionIds.map(literal).join(",")}]::uuid[])[1 + ${gen.h(salt, expr, ctx.regionIds.length)}]`
    : "null::uuid";

export { regionOf };

export async function generateOrganisations(gen: Gen, ctx: Context) {
  const { boards, schools } = gen.size;
  await gen.fill("organisations (besturen)", boards, 1, (a, b) => {
    const place = gen.pick(w.places, "bp", "b");
    return `insert into organisations (id, kind, name, place, region_id)
      select ${gen.id("bd", "b")}, 'board',
        ${gen.pick(w.boardWords, "bw", "b")} || ' ' || ${place} || ' ' || ${gen.pick(w.districts, "bdi", "b")},
        ${place}, ${regionOf(gen, ctx, "br", "b")}
      from generate_series(${a}, ${b - 1}) as g(b)`;
  });
  const sector = (s: string) => {
    const x = gen.h("ss", s, 100);
    return `(case when ${x} < 60 then 'PO' when ${x} < 80 then 'VO' when ${x} < 88 then 'SO' else 'MBO' end)`;
  };
  const poPrefix = ["Basisschool", "OBS", "CBS", "RKBS", "Kindcentrum", "Montessorischool"];
  const voPrefix = ["College", "Lyceum", "Scholengemeenschap", "Vakcollege", "Praktijkschool"];
  await gen.fill("organisations (scholen)", schools, 1, (a, b) => {
    return `insert into organisations (id, kind, name, sector, place, region_id, board_id)
      select ${gen.schoolId("s")}, 'school',
        (case sector when 'PO' then ${gen.pick(poPrefix, "sp", "s")} when 'VO' then ${gen.pick(voPrefix, "sp", "s")}
          when 'SO' then 'SO' else 'Mbo' end) || ' ' || ${gen.pick(w.schoolNames, "sn", "s")} || ' ' || place,
        sector, place, ${regionOf(gen, ctx, "sr", "s")}, ${gen.id("bd", gen.h("sb", "s", boards))}
      from generate_series(${a}, ${b - 1}) as g(s),
        lateral (select ${sector("s")} as sector, ${gen.pick(w.places, "spl", "s")} as place) as x`;
  });
}

/** the job function of user u (a quarter are school leaders) */
export const jobFunctionOf = (gen: Gen, u: string) => gen.pick(w.jobFunctions, "jf", u);

export async function generatePeople(gen: Gen, ctx: Context) {
  const { people } = gen.size;
  await gen.fill("users", people, 1, (a, b) => {
    return `insert into users (id, email, name, password_hash, email_verified_at, job_function, bio, region_id, created_at)
      select ${gen.userId("u")}, 'persoon' || u || '@generated.test',
        ${gen.pick(w.firstNames, "fn", "u")} || ' ' || ${gen.pick(w.lastNames, "ln", "u")},
        ${literal(ctx.passwordHash)}, ${TODAY} - interval '400 days', jf,
        'Ik werk als ' || replace(jf, '-', ' ') || ' en houd me bezig met ' || ${gen.pick(w.subjects, "b1", "u")}
          || ' en ' || ${gen.pick(w.subjects, "b2", "u")} || '. ' || ${gen.pick(w.sentenceStarts, "b3", "u")} || ' '
          || ${gen.pick(w.subjects, "b4", "u")} || ' ' || ${gen.pick(w.sentenceEnds, "b5", "u")},
        ${regionOf(gen, ctx, "ur", "u")}, ${TODAY} - (${gen.h("uc", "u", 900)} || ' days')::interval
      from generate_series(${a}, ${b - 1}) as g(u), lateral (select ${jobFunctionOf(gen, "u")} as jf) as x`;
  });
  await gen.fill("organisation_members", people, 1, (a, b) => {
    return `insert into organisation_members (organisation_id, user_id, role, status, team)
      select ${gen.schoolId(gen.schoolOf("u"))}, ${gen.userId("u")},
        case when ${jobFunctionOf(gen, "u")} = 'schoolleider' and ${gen.h("adm", "u", 3)} = 0 then 'admin' else 'member' end,
        case when ${gen.h("req", "u", 40)} = 0 then 'requested' else 'confirmed' end,
        case when ${gen.h("tm", "u", 3)} = 0 then ${gen.pick(w.teams, "tmn", "u")} end
      from generate_series(${a}, ${b - 1}) as g(u)`;
  });
  await gen.query(
    `insert into expertise_tags (name) select unnest(${textArray(w.subjects)}) on conflict do nothing`,
  );
  await gen.fill("user_expertise", people, 2, (a, b) => {
    return `insert into user_expertise (user_id, tag_id)
      select ${gen.userId("u")}, t.id
      from generate_series(${a}, ${b - 1}) as g(u)
        cross join lateral generate_series(0, ${gen.h("uxn", "u", 3)}) as k(k)
        join expertise_tags t on lower(t.name) = lower(${gen.pick(w.subjects, "ux", gen.key("u", "k"))})
      on conflict do nothing`;
  });
}
