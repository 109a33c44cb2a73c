import { describe, expect, test } from "vitest";
import { layoutMap } from "../map-layout.ts";
import { neighboursOf, type PictureItem } from "./AnalysisPicture.tsx";
import {
  contains,
  degreesOf,
  layoutPicture,
  type PictureNodeInput,
  radiusFor,
  wrapLabel,
} from "./picture-layout.ts";

const centre = "Programma begaafdheid en talentontwikkeling in de onderbouw";

/** An analysis as the review saw it: a long centre, schakels and ingredients on two rings. */
function analysisNodes(): PictureNodeInput[] {
  const names = [
    "Plusprogramma begaafdheid",
    "Olympiade",
    "Academische vaardigheden",
    "Ruud (buurman, onderwijsadviseur)",
    "Verbreding en verdieping",
    "Leerlingbespreking",
  ];
  return [
    {
      id: "c",
      x: 0,
      y: 0,
      label: centre,
      degree: 6,
      inside: true,
      alwaysLabel: true,
      maxChars: 14,
      maxLines: 3,
    },
    ...names.map((label, i) => {
      const a = (i / names.length) * 2 * Math.PI - Math.PI / 2;
      return { id: `n${i}`, x: Math.cos(a) * 320, y: Math.sin(a) * 320, label, degree: i % 3 };
    }),
  ];
}

describe("labels that fit", () => {
  test("a long label wraps onto two lines between words, ends in an ellipsis and keeps its full text", () => {
    const label = wrapLabel(centre, 18, 2);
    expect(label.lines).toHaveLength(2);
    expect(label.lines[0]).toBe("Programma");
    expect(label.lines.every((l) => l.length <= 18)).toBe(true);
    expect(label.lines[1]?.endsWith("…")).toBe(true);
    expect(label.shortened).toBe(true);
    expect(label.full).toBe(centre);
  });

  test("a short label stays whole on one line", () => {
    expect(wrapLabel("Decaan", 18, 2)).toEqual({
      lines: ["Decaan"],
      full: "Decaan",
      shortened: false,
    });
    expect(wrapLabel("Academische vaardigheden", 18, 2).lines).toEqual([
      "Academische",
      "vaardigheden",
    ]);
  });

  test("a word longer than a line is cut in it, not left to run out of the picture", () => {
    const label = wrapLabel("Differentiatievaardighedenontwikkelingstraject", 14, 2);
    expect(label.lines.every((l) => l.length <= 14)).toBe(true);
    expect(label.shortened).toBe(true);
    // a word a little longer than a line is not split: "Masterclasse s"
    expect(wrapLabel("Masterclasses voor begaafde leerlingen", 12, 2).lines[0]).toBe(
      "Masterclasses",
    );
    expect(wrapLabel("Noor Hendriks", 12, 2).lines).toEqual(["Noor", "Hendriks"]);
    expect(label.full).toBe("Differentiatievaardighedenontwikkelingstraject");
  });

  for (const widthPx of [1280, 700, 340]) {
    test(`at ${widthPx} px no label box lies outside the viewBox, crowded ones included`, () => {
      const layout = layoutPicture(analysisNodes(), { widthPx, fontPx: 13, maxChars: 18 });
      for (const node of layout.nodes) {
        expect(contains(layout.viewBox, node.box), node.full).toBe(true);
        const shape = {
          x: node.x - node.r,
          y: node.y - node.r,
          width: 2 * node.r,
          height: 2 * node.r,
        };
        expect(contains(layout.viewBox, shape), node.full).toBe(true);
      }
      // labels keep their screen size: 13 px on a laptop as on a phone
      expect(layout.fontSize / layout.unit).toBeCloseTo(13, 0);
      expect(layout.viewBox.width / layout.unit).toBeCloseTo(widthPx, -1);
    });
  }

  test("the centre's label sits inside its circle, whole or with the full name kept", () => {
    const layout = layoutPicture(analysisNodes(), { widthPx: 390 });
    const c = layout.nodes.find((n) => n.id === "c");
    if (!c) throw new Error("no centre");
    expect(c.crowded).toBe(false);
    expect(c.full).toBe(centre);
    expect(c.lines.join(" ").replace("…", "")).toMatch(/^Programma begaafdheid en/);
    // every corner of the label box is inside the circle
    for (const [dx, dy] of [
      [0, 0],
      [c.box.width, 0],
      [0, c.box.height],
      [c.box.width, c.box.height],
    ])
      expect(Math.hypot(c.box.x + (dx ?? 0) - c.x, c.box.y + (dy ?? 0) - c.y)).toBeLessThanOrEqual(
        c.r,
      );
  });

  test("on a phone more labels are crowded at rest than on a laptop, and zooming in shows them again", () => {
    const placed = layoutMap(
      Array.from({ length: 60 }, (_, i) => ({
        id: `p${i}`,
        kind: i < 4 ? ("theme" as const) : ("person" as const),
        label: `Collega nummer ${i} met een lange naam`,
      })),
      Array.from({ length: 56 }, (_, i) => ({ from: `p${i + 4}`, to: `p${i % 4}`, kind: "knows" })),
    );
    const nodes = placed.map((n) => ({ ...n, degree: 1, alwaysLabel: n.kind === "theme" }));
    const crowded = (widthPx: number, zoom = 1) =>
      layoutPicture(nodes, { widthPx, zoom }).nodes.filter((n) => n.crowded).length;
    expect(crowded(340)).toBeGreaterThan(crowded(1280));
    expect(crowded(340, 8)).toBeLessThan(crowded(340));
    // themes are always labelled
    expect(
      layoutPicture(nodes, { widthPx: 340 }).nodes.filter(
        (n) => n.id < "p4" && n.id.length === 2 && n.crowded,
      ),
    ).toEqual([]);
  });
});

describe("size by number of links", () => {
  test("the radius grows with the degree, between the smallest and the largest size", () => {
    const sizes = [0, 1, 2, 5, 10].map((d) => radiusFor(d, 10, 5, 15));
    expect(sizes[0]).toBe(5);
    expect(sizes[4]).toBe(15);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1] ?? 0);
  });

  test("in a laid-out picture the best-linked node is the largest", () => {
    const links = [
      { from: "a", to: "b" },
      { from: "a", to: "c" },
      { from: "a", to: "d" },
      { from: "b", to: "c" },
    ];
    const degree = degreesOf(links);
    expect(Object.fromEntries(degree)).toEqual({ a: 3, b: 2, c: 2, d: 1 });
    const layout = layoutPicture(
      ["a", "b", "c", "d"].map((id, i) => ({
        id,
        x: i * 200,
        y: 0,
        label: id,
        degree: degree.get(id) ?? 0,
      })),
      { widthPx: 800 },
    );
    const r = Object.fromEntries(layout.nodes.map((n) => [n.id, n.r]));
    expect(r.a).toBeGreaterThan(r.b ?? 0);
    expect(r.b).toBeGreaterThan(r.d ?? 0);
  });

  test("an analysis node's links: a schakel to the centre and its ingredients, an ingredient to its schakels", () => {
    const items: PictureItem[] = [
      {
        id: "s1",
        kind: "schakel",
        label: "Inge",
        position: "p",
        linkedTo: ["i1", "i2"],
        x: null,
        y: null,
      },
      {
        id: "s2",
        kind: "schakel",
        label: "Bas",
        position: null,
        linkedTo: ["i1"],
        x: null,
        y: null,
      },
      {
        id: "i1",
        kind: "ingredient",
        label: "Olympiade",
        position: null,
        linkedTo: [],
        x: null,
        y: null,
      },
      {
        id: "i2",
        kind: "ingredient",
        label: "Plus",
        position: null,
        linkedTo: [],
        x: null,
        y: null,
      },
    ];
    const near = neighboursOf(items);
    expect(near.get("s1")?.size).toBe(3);
    expect([...(near.get("i1") ?? [])].sort()).toEqual(["s1", "s2"]);
    expect(near.get("i2")?.size).toBe(1);
  });
});
