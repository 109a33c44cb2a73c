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
 * near their initiatives and themes. Linear in nodes and links: a board of 5 000 nodes and
 * 20 000 links lays out in milliseconds, on the server, the same for everyone.
 */
export function layoutMap(nodes: MapNode[], links: MapLink[]): PlacedNode[] {
  const neighbours = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const link of links) {
    add(link.from, link.to);
    add(link.to, link.from);
  }
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const angle = new Map<string, number>();
  const placed: PlacedNode[] = [];
  for (const kind of ["theme", "initiative", "person", "tag"] as const) {
    const ring = nodes.filter((n) => n.kind === kind);
    const wanted = ring.map((node, i) => {
      const inner = (neighbours.get(node.id) ?? []).filter((id) => {
        const k = kindOf.get(id);
        return k && ringOf[k] < ringOf[kind] && angle.has(id);
      });
      if (!inner.length) return { node, a: (i / Math.max(1, ring.length)) * 2 * Math.PI };
      // circular mean of the linked angles
      let sx = 0;
      let sy = 0;
      for (const id of inner) {
        const a = angle.get(id) ?? 0;
        sx += Math.cos(a);
        sy += Math.sin(a);
      }
      return { node, a: Math.atan2(sy, sx) };
    });
    // Spread evenly in the order of the wanted angles, so nodes do not pile up.
    wanted.sort((p, q) => p.a - q.a || p.node.label.localeCompare(q.node.label));
    const radius = ringOf[kind] * 260 + Math.sqrt(ring.length) * 8;
    wanted.forEach(({ node }, i) => {
      const a = (i / Math.max(1, wanted.length)) * 2 * Math.PI + (wanted[0]?.a ?? 0);
      angle.set(node.id, a);
      // alternate a little in and out so labels of neighbours do not overlap
      const r = radius + (i % 3) * 18;
      placed.push({ ...node, x: Math.round(Math.cos(a) * r), y: Math.round(Math.sin(a) * r) });
    });
  }
  return placed;
}
