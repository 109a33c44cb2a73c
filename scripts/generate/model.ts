// The shape of the generated country, as SQL expressions. Every row is addressed by small
// integers (network n, member k, topic t, …) and its id is a per-seed prefix of its kind plus
// that address, so a child row computes its parent's id without a join or a lookup, and the same
// seed gives the same rows on PGlite and PostgreSQL alike.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../app/db/client.server.ts";

export type Scale = "school" | "national" | "10x";

export interface Sizes {
  boards: number;
  schools: number;
  people: number;
  networks: number;
  /** members of network 0, the large network the personas use */
  largeMembers: number;
  memberMin: number;
  memberSpread: number;
  largeMeetings: number;
  meetingMin: number;
  meetingSpread: number;
  largeTopics: number;
  topicMin: number;
  topicSpread: number;
  largePostMin: number;
  largePostSpread: number;
  postMin: number;
  postSpread: number;
  harvestSpread: number;
  networkThemes: number;
  /** schools that use the toolkit (school 0, the school leader's, always does) */
  toolkitSchools: number;
  schoolThemes: number;
  kennisMin: number;
  kennisSpread: number;
  initiativesPerSchool: number;
}

const national: Sizes = {
  boards: 950,
  schools: 7000,
  people: 40_000,
  networks: 3000,
  largeMembers: 260,
  memberMin: 6,
  memberSpread: 20,
  largeMeetings: 40,
  meetingMin: 3,
  meetingSpread: 15,
  largeTopics: 220,
  topicMin: 2,
  topicSpread: 37,
  largePostMin: 8,
  largePostSpread: 8,
  postMin: 1,
  postSpread: 9,
  harvestSpread: 60,
  networkThemes: 2,
  toolkitSchools: 700,
  schoolThemes: 4,
  kennisMin: 1,
  kennisSpread: 123,
  initiativesPerSchool: 8,
};

const school: Sizes = {
  ...national,
  boards: 3,
  schools: 12,
  people: 400,
  networks: 30,
  largeMembers: 220,
  harvestSpread: 20,
  toolkitSchools: 4,
  kennisSpread: 40,
};

/** Sizes of a scale; `factor` multiplies the country (schools, people, networks), not a network. */
export function sizesFor(scale: Scale, factor = 1): Sizes {
  const base = scale === "school" ? school : national;
  const f = (scale === "10x" ? 10 : 1) * factor;
  if (f === 1) return base;
  const times = (n: number, min: number) => Math.max(min, Math.round(n * f));
  const people = times(base.people, 300);
  return {
    ...base,
    boards: times(base.boards, 1),
    schools: times(base.schools, 2),
    people,
    networks: times(base.networks, 2),
    largeMembers: Math.min(base.largeMembers, Math.floor(people / 2)),
    toolkitSchools: times(base.toolkitSchools, 1),
  };
}

export interface Progress {
  table: string;
  done: number;
  total: number;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
export const literal = quote;
export const textArray = (list: readonly string[]) =>
  list.length ? `ARRAY[${list.map(quote).join(",")}]::text[]` : `'{}'::text[]`;

/** Midnight today: dates are relative to it, so "upcoming" stays upcoming. */
export const TODAY = "date_trunc('day', now())";

const primes = [7919, 7907, 7901, 7883, 7877, 6007, 5003, 4001, 3001, 2003, 1009, 101, 13];

export class Gen {
  readonly stride: number;
  readonly db: DbOrTx;
  readonly seed: number;
  readonly size: Sizes;
  readonly onProgress: (progress: Progress) => void;
  constructor(db: DbOrTx, seed: number, size: Sizes, onProgress: (progress: Progress) => void) {
    this.db = db;
    this.seed = seed;
    this.size = size;
    this.onProgress = onProgress;
    this.stride = primes.find((p) => size.people % p !== 0) ?? 1;
  }

  /**
   * A deterministic integer in [0, mod) for a salt and an integer SQL expression.
   * hashint8extended is the hash PostgreSQL's hash partitioning relies on, so it is the same on
   * every version and platform (PGlite 18 in wasm gives what PostgreSQL 15 on x86 gives); it
   * costs a tenth of an md5.
   */
  h(salt: string, expr: string, mod: number | string) {
    return `abs(hashint8extended((${expr})::bigint, ${this.constant(salt)}) % (${mod}))`;
  }

  /** An address of several small integers as one: a * 1024 + b, … (every part after the first < 1024). */
  key(...parts: string[]) {
    return parts.reduce((acc, part) => `((${acc})::bigint * 1024 + (${part}))`);
  }

  /** A per-seed constant for a salt. */
  private constant(salt: string) {
    return Number.parseInt(
      createHash("md5").update(`${this.seed}:${salt}`).digest("hex").slice(0, 12),
      16,
    );
  }

  private prefix(kind: string) {
    const hex = createHash("md5").update(`${this.seed}:id:${kind}`).digest("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-`;
  }

  /** The id of row `expr` of a kind: a per-seed prefix and the address, so ids grow in order. */
  id(kind: string, expr: string) {
    return `('${this.prefix(kind)}' || lpad(to_hex((${expr})::bigint), 12, '0'))::uuid`;
  }

  /** the value id(kind, n) gives in SQL, computed here */
  idValue(kind: string, n: number) {
    return `${this.prefix(kind)}${n.toString(16).padStart(12, "0")}`;
  }

  pick(list: readonly string[], salt: string, expr: string) {
    return `(${textArray(list)})[1 + ${this.h(salt, expr, list.length)}]`;
  }

  // --- the country's shape -------------------------------------------------------------

  userId(u: string) {
    return this.id("u", u);
  }
  /** the school user u works at */
  schoolOf(u: string) {
    return this.h("us", u, this.size.schools);
  }
  schoolId(s: string) {
    return this.id("sc", s);
  }
  networkId(n: string) {
    return this.id("nw", n);
  }
  memberCount(n: string) {
    const s = this.size;
    return `(case when ${n} = 0 then ${s.largeMembers} else ${s.memberMin} + ${this.h("mc", n, s.memberSpread)} end)`;
  }
  /** user index of member k of network n: a stride through the people, so no one joins twice */
  memberUser(n: string, k: string) {
    return `((${this.h("mb", n, this.size.people)} + (${k}) * ${this.stride}) % ${this.size.people})`;
  }
  memberId(n: string, k: string) {
    return this.id("nm", this.key(n, k));
  }
  /** k 0 leads (penvoerder), k 1 facilitates in a third of the networks */
  memberRole(n: string, k: string) {
    return `(case when ${k} = 0 then 'penvoerder' when ${k} = 1 and ${this.h("fac", n, 3)} = 0 then 'facilitator' else 'deelnemer' end)`;
  }
  /** the first members are always active (the groups below are drawn from them) */
  memberStatus(n: string, k: string) {
    const x = this.h("ms", this.key(n, k), 100);
    return `(case when ${k} < 12 or ${n} = 0 then 'active' when ${x} < 84 then 'active' when ${x} < 90 then 'left' when ${x} < 94 then 'nominated' when ${x} < 97 then 'awaiting-intake' else 'declined' end)`;
  }
  networkStatus(n: string) {
    const x = this.h("nst", n, 10);
    return `(case when ${n} = 0 then 'active' when ${x} < 7 then 'active' when ${x} < 9 then 'in-formation' else 'ended' end)`;
  }
  meetingCount(n: string) {
    const s = this.size;
    return `(case when ${n} = 0 then ${s.largeMeetings} else ${s.meetingMin} + ${this.h("mtc", n, s.meetingSpread)} end)`;
  }
  pastMeetings(n: string) {
    return `((${this.meetingCount(n)} * 7) / 10)`;
  }
  meetingId(n: string, j: string) {
    return this.id("mt", this.key(n, j));
  }
  topicCount(n: string) {
    const s = this.size;
    return `(case when ${n} = 0 then ${s.largeTopics} else ${s.topicMin} + ${this.h("tc", n, s.topicSpread)} end)`;
  }
  topicId(n: string, t: string) {
    return this.id("tp", this.key(n, t));
  }
  postCount(n: string, t: string) {
    const s = this.size;
    const key = this.key(n, t);
    return `(case when ${n} = 0 then ${s.largePostMin} + ${this.h("pc", key, s.largePostSpread)} else ${s.postMin} + ${this.h("pc", key, s.postSpread)} end)`;
  }
  postId(n: string, t: string, p: string) {
    return this.id("ps", this.key(n, t, p));
  }
  routeId(n: string, r: string) {
    return this.id("rt", this.key(n, r));
  }
  /** the toolkit schools, spread over the country; school 0 is among them */
  toolkitSchool(i: string) {
    const step = Math.max(1, Math.floor(this.size.schools / this.size.toolkitSchools));
    return `((${i}) * ${step})`;
  }
  get themeCount() {
    return (
      this.size.networks * this.size.networkThemes +
      this.size.toolkitSchools * this.size.schoolThemes
    );
  }
  themeId(q: string) {
    return this.id("th", q);
  }

  // --- running -------------------------------------------------------------------------

  async query<T = Record<string, unknown>>(text: string): Promise<{ rows: T[]; count: number }> {
    const result = (await this.db.execute(sql.raw(text))) as unknown as {
      rows?: T[];
      rowCount?: number | null;
      affectedRows?: number;
    };
    return {
      rows: result.rows ?? [],
      count: Number(result.rowCount ?? result.affectedRows ?? 0),
    };
  }

  /** The sum of an SQL expression over 0 … n-1 (the rows a step will write). */
  async sum(n: number, expr: (i: string) => string) {
    if (n <= 0) return 0;
    const { rows } = await this.query<{ total: string | number }>(
      `select coalesce(sum(${expr("i")}), 0) as total from generate_series(0, ${n - 1}) as g(i)`,
    );
    return Number(rows[0]?.total ?? 0);
  }

  /**
   * Writes a table in chunks of its parents (0 … parents-1), reporting rows done after each,
   * so long work shows progress and PGlite never holds one huge statement.
   */
  async fill(
    table: string,
    parents: number,
    rowsPerParent: number,
    build: (from: number, to: number) => string,
    total?: number,
  ) {
    const chunk = Math.max(1, Math.floor(20_000 / Math.max(1, rowsPerParent)));
    const expected = total ?? parents * rowsPerParent;
    let done = 0;
    this.onProgress({ table, done, total: expected });
    for (let from = 0; from < parents; from += chunk) {
      const to = Math.min(parents, from + chunk);
      done += (await this.query(build(from, to))).count;
      this.onProgress({ table, done, total: Math.max(expected, done) });
    }
    this.onProgress({ table, done, total: done });
    return done;
  }
}
