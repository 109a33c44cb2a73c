/**
 * One palette for every picture and chart (the chart tokens of app/app.css), and for each colour
 * a second cue, so nothing is told by colour alone (WCAG 1.4.1): the positions of involvement
 * carry their letter and a line pattern, the kinds of the knowledge map a shape.
 */

const chart = {
  1: "var(--color-chart-1)",
  2: "var(--color-chart-2)",
  3: "var(--color-chart-3)",
  4: "var(--color-chart-4)",
  5: "var(--color-chart-5)",
  muted: "var(--color-chart-muted)",
} as const;

export type Position = "i" | "p" | "s" | "l" | "g";
export const positionsInOrder: Position[] = ["i", "p", "s", "l", "g"];

/** Colour, letter and dash pattern per position of involvement (L chapter 7). */
export const positionStyle: Record<Position | "none", { colour: string; dash: string }> = {
  i: { colour: chart[1], dash: "" },
  p: { colour: chart[2], dash: "10 4" },
  s: { colour: chart[3], dash: "2 4" },
  l: { colour: chart[4], dash: "10 4 2 4" },
  g: { colour: chart[5], dash: "5 5" },
  none: { colour: chart.muted, dash: "" },
};

export const isPosition = (value: string | null | undefined): value is Position =>
  value === "i" || value === "p" || value === "s" || value === "l" || value === "g";

export type MapKind = "theme" | "initiative" | "person" | "tag";
export type Shape = "circle" | "square" | "diamond" | "triangle";

export const kindStyle: Record<MapKind, { colour: string; shape: Shape }> = {
  theme: { colour: chart[1], shape: "diamond" },
  initiative: { colour: chart[2], shape: "square" },
  person: { colour: chart[3], shape: "circle" },
  tag: { colour: chart[4], shape: "triangle" },
};

/** An SVG path of a shape around (0, 0) with about the area of a circle of radius r. */
export function shapePath(shape: Shape, r: number) {
  const f = (n: number) => Math.round(n * 100) / 100;
  switch (shape) {
    case "square": {
      const h = r * 0.89;
      return `M${f(-h)} ${f(-h)}H${f(h)}V${f(h)}H${f(-h)}Z`;
    }
    case "diamond": {
      const h = r * 1.25;
      return `M0 ${f(-h)}L${f(h)} 0L0 ${f(h)}L${f(-h)} 0Z`;
    }
    case "triangle": {
      const h = r * 1.35;
      return `M0 ${f(-h)}L${f(h * 0.87)} ${f(h * 0.5)}L${f(-h * 0.87)} ${f(h * 0.5)}Z`;
    }
    default:
      return `M${f(r)} 0A${f(r)} ${f(r)} 0 1 1 ${f(-r)} 0A${f(r)} ${f(r)} 0 1 1 ${f(r)} 0Z`;
  }
}

/** The resolved colour of a token, for a canvas or an exported image (they do not read CSS). */
export function resolveColour(value: string) {
  const match = /^var\((--[\w-]+)\)$/.exec(value);
  if (!match || typeof document === "undefined") return value;
  return (
    getComputedStyle(document.documentElement)
      .getPropertyValue(match[1] ?? "")
      .trim() || "#475569"
  );
}
