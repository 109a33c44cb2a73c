/** The school's nodal network (L chapter 5) as nodes and links, laid out in rings. */
type NodeKind = "theme" | "initiative" | "person" | "tag";

export interface MapNode {
  id: string;
  kind: NodeKind;
  label: string;
}

export interface MapLink {
  from: string;
  to: string;
  /** a position of involvement (i/p/s/l/g), "schakel", "knows" or "theme" */
  kind: string;
}

export interface PlacedNode extends MapNode {
  x: number;
  y: number;
}

const ringOf: Record<NodeKind, number> = { theme: 1, initiative: 2, person: 3, tag: 4 };

/**
 * Themes on the inner ring, initiatives around them, people further out and expertise on the
 * rim; each node sits at the mean angle of what it is linked to further in, so colleagues land
 * near their initiatives and themes. Linear in nodes and links (plus one sort per ring), on
 * integer indexes rather than ids: a board of 5 000 nodes and 20 000 links lays out in a few
 * milliseconds, on the server, the same for everyone.
 */
export function layoutMap(nodes: MapNode[], links: MapLink[]): PlacedNode[] {
  const count = nodes.length;
  const indexOf = new Map<string, number>();
  const ringAt = new Uint8Array(count);
  nodes.forEach((node, i) => {
    indexOf.set(node.id, i);
    ringAt[i] = ringOf[node.kind];
  });
  // adjacency in compressed rows: only links to a node on an inner ring matter
  const degree = new Int32Array(count + 1);
  const ends: [number, number][] = [];
  for (const link of links) {
    const a = indexOf.get(link.from);
    const b = indexOf.get(link.to);
    if (a === undefined || b === undefined) continue;
    ends.push([a, b]);
    degree[a + 1] = (degree[a + 1] ?? 0) + 1;
    degree[b + 1] = (degree[b + 1] ?? 0) + 1;
  }
  for (let i = 0; i < count; i++) degree[i + 1] = (degree[i + 1] ?? 0) + (degree[i] ?? 0);
  const fill = degree.slice(0, count);
  const neighbours = new Int32Array(ends.length * 2);
  for (const [a, b] of ends) {
    neighbours[fill[a] ?? 0] = b;
    fill[a] = (fill[a] ?? 0) + 1;
    neighbours[fill[b] ?? 0] = a;
    fill[b] = (fill[b] ?? 0) + 1;
  }
  const angle = new Float64Array(count).fill(Number.NaN);
  const compare = new Intl.Collator().compare;
  const placed: PlacedNode[] = [];
  for (const kind of ["theme", "initiative", "person", "tag"] as const) {
    const ring: number[] = [];
    for (let i = 0; i < count; i++) if (nodes[i]?.kind === kind) ring.push(i);
    const ringNumber = ringOf[kind];
    const wanted = ring.map((node, position) => {
      // circular mean of the angles of the linked nodes further in
      let sx = 0;
      let sy = 0;
      let inner = 0;
      for (let e = degree[node] ?? 0; e < (degree[node + 1] ?? 0); e++) {
        const other = neighbours[e] ?? 0;
        const a = angle[other] ?? Number.NaN;
        if ((ringAt[other] ?? 0) >= ringNumber || Number.isNaN(a)) continue;
        sx += Math.cos(a);
        sy += Math.sin(a);
        inner++;
      }
      return {
        node,
        a: inner ? Math.atan2(sy, sx) : (position / Math.max(1, ring.length)) * 2 * Math.PI,
      };
    });
    // Spread evenly in the order of the wanted angles, so nodes do not pile up.
    wanted.sort(
      (p, q) => p.a - q.a || compare(nodes[p.node]?.label ?? "", nodes[q.node]?.label ?? ""),
    );
    const radius = ringNumber * 260 + Math.sqrt(ring.length) * 8;
    const first = wanted[0]?.a ?? 0;
    wanted.forEach(({ node }, i) => {
      const a = (i / Math.max(1, wanted.length)) * 2 * Math.PI + first;
      angle[node] = a;
      // alternate a little in and out so labels of neighbours do not overlap
      const r = radius + (i % 3) * 18;
      const source = nodes[node] as MapNode;
      placed.push({ ...source, x: Math.round(Math.cos(a) * r), y: Math.round(Math.sin(a) * r) });
    });
  }
  return placed;
}
