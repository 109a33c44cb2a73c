import type { DbOrTx } from "#app/db/client.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import { listPeople } from "../accounts/profile.server.ts";
import { searchPosts, searchTopics } from "../discussion/search-discussion.server.ts";
import { searchGoodPractices } from "../evaluation/search-good-practices.server.ts";
import { searchMeetings } from "../meetings/search-meetings.server.ts";
import { listCatalogue } from "../networks/catalogue.server.ts";
import { searchInitiatives, searchKennisweb } from "../toolkit/search-toolkit.server.ts";
import { type Snippet, snippetOf } from "./snippet.ts";

/*
 * One search across what the person may see. Every kind is asked of the module that owns it,
 * with that module's own visibility rules in its SQL: networks as the catalogue shows them,
 * people as /mensen, good practices as /goede-voorbeelden (all three are those pages' own
 * queries), and the member content — discussion, meetings, kennisweb, initiatives — only of the
 * networks and schools the person is in now. Buddy and intervision groups are never searched.
 * Each kind gives at most `perKind` hits; the first three link on to their own list for more.
 */

const perKind = 5;

/** Longer queries are cut: no one types more, and every word costs the full-text parser. */
const maxQueryLength = 100;

/** The shortest query searched: one letter matches nearly everything and no index helps. */
const minQueryLength = 2;

const searchKinds = [
  "networks",
  "people",
  "practices",
  "topics",
  "posts",
  "meetings",
  "kennisweb",
  "initiatives",
] as const;
export type SearchKind = (typeof searchKinds)[number];

/** Where a hit lives: a section of the site, in a place (a network, a school) when it has one. */
type Section =
  | "catalogue"
  | "people"
  | "practices"
  | "discussion"
  | "meetings"
  | "kennisweb"
  | "initiatives";

export interface SearchHit {
  id: string;
  title: string;
  snippet: Snippet;
  where: { section: Section; place: string | null };
  href: string;
  /** a meeting's start */
  date?: Date;
}

export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
  /** there are more than `perKind`: the kind's own list with this query, or null if it has none */
  more: { href: string | null } | null;
}

/**
 * What the person typed, made safe to search: control characters (NUL among them) become
 * spaces, runs of space one, at most `maxQueryLength` characters and never half a character.
 */
export function normaliseQuery(raw: string | null | undefined) {
  const clean = (raw ?? "")
    .toWellFormed()
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(clean).slice(0, maxQueryLength).join("").trim();
}

const firstPage = (perPage: number) => ({ page: 1, perPage, offset: 0 });

/** Up to `perKind` rows and whether there were more: each query asks for one extra. */
function split<T>(rows: T[]) {
  return { rows: rows.slice(0, perKind), hasMore: rows.length > perKind };
}

export async function siteSearch(db: DbOrTx, actor: Actor, rawQuery: string | null | undefined) {
  const q = normaliseQuery(rawQuery);
  if (Array.from(q).length < minQueryLength) return { q, searched: false, groups: [], total: 0 };
  const limit = perKind + 1;
  const encoded = encodeURIComponent(q);
  const [catalogue, people, practices, topics, posts, meetings, kennisweb, initiatives] =
    await Promise.all([
      listCatalogue(db, { query: q }, firstPage(perKind)),
      listPeople(db, actor, { query: q, page: firstPage(perKind) }),
      searchGoodPractices(db, q, limit).then(split),
      searchTopics(db, actor, q, limit).then(split),
      searchPosts(db, actor, q, limit).then(split),
      searchMeetings(db, actor, q, limit).then(split),
      searchKennisweb(db, actor, q, limit).then(split),
      searchInitiatives(db, actor, q, limit).then(split),
    ]);
  const more = (hasMore: boolean, href: string | null) => (hasMore ? { href } : null);
  const groups: SearchGroup[] = [
    {
      kind: "networks",
      hits: catalogue.networks.map((network) => ({
        id: network.id,
        title: network.name,
        snippet: snippetOf(network.question, q),
        where: { section: "catalogue", place: null },
        href: `/netwerken/${network.id}`,
      })),
      more: more(catalogue.hasNext, `/netwerken?q=${encoded}`),
    },
    {
      kind: "people",
      hits: people.people.map((person) => ({
        id: person.id,
        title: person.name,
        snippet: snippetOf(person.expertise.join(", "), q),
        where: { section: "people", place: person.regionName },
        href: `/mensen/${person.id}`,
      })),
      more: more(people.hasNext, `/mensen?q=${encoded}`),
    },
    {
      kind: "practices",
      hits: practices.rows.map((practice) => ({
        id: practice.id,
        title: practice.title,
        snippet: snippetOf(practice.text, q),
        where: { section: "practices", place: practice.networkName },
        href: `/goede-voorbeelden/${practice.id}`,
      })),
      more: more(practices.hasMore, `/goede-voorbeelden?q=${encoded}`),
    },
    {
      kind: "topics",
      hits: topics.rows.map((topic) => ({
        id: topic.id,
        title: topic.title,
        snippet: snippetOf(topic.text, q),
        where: { section: "discussion", place: topic.networkName },
        href: `/netwerken/${topic.networkId}/discussie/${topic.id}`,
      })),
      more: more(topics.hasMore, null),
    },
    {
      kind: "posts",
      hits: posts.rows.map((post) => ({
        id: post.id,
        title: post.title,
        snippet: snippetOf(post.text, q),
        where: { section: "discussion", place: post.networkName },
        href: `/netwerken/${post.networkId}/discussie/${post.topicId}#bericht-${post.id}`,
      })),
      more: more(posts.hasMore, null),
    },
    {
      kind: "meetings",
      hits: meetings.rows.map((meeting) => ({
        id: meeting.id,
        title: meeting.theme,
        snippet: snippetOf("", q),
        where: { section: "meetings", place: meeting.networkName },
        href: `/netwerken/${meeting.networkId}/bijeenkomsten/${meeting.id}`,
        date: meeting.startsAt,
      })),
      more: more(meetings.hasMore, null),
    },
    {
      kind: "kennisweb",
      hits: kennisweb.rows.map((item) => ({
        id: item.id,
        title: item.title,
        snippet: snippetOf(item.text, q),
        where: { section: "kennisweb", place: `${item.spaceName} › ${item.themeName}` },
        href: item.href,
      })),
      more: more(kennisweb.hasMore, null),
    },
    {
      kind: "initiatives",
      hits: initiatives.rows.map((initiative) => ({
        id: initiative.id,
        title: initiative.name,
        snippet: snippetOf(initiative.text, q),
        where: { section: "initiatives", place: initiative.spaceName },
        href: initiative.href,
      })),
      more: more(initiatives.hasMore, null),
    },
  ];
  const shown = groups.filter((group) => group.hits.length > 0);
  return {
    q,
    searched: true,
    groups: shown,
    total: shown.reduce((n, group) => n + group.hits.length, 0),
  };
}
