/**
 * Labels and sizes for the pictures of a network (the knowledge map, the network analysis).
 * Everything is measured in screen pixels and turned into the picture's own units, so a label is
 * about the same size on a laptop and on a phone: a wide picture on a narrow screen shows fewer
 * labels at rest (the crowded ones appear on hover, focus and zoom) rather than tiny ones. The
 * viewBox is computed from the laid-out shapes and labels, so no label is ever cut off.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PictureNodeInput {
  id: string;
  x: number;
  y: number;
  label: string;
  /** number of links: the node's size */
  degree: number;
  /** always labelled, never hidden as crowded (the centre of an analysis, a theme) */
  alwaysLabel?: boolean;
  /** the label sits inside the shape, which grows to hold it */
  inside?: boolean;
  maxChars?: number;
  maxLines?: number;
}

interface PlacedPictureNode {
  id: string;
  x: number;
  y: number;
  /** radius in the picture's units */
  r: number;
  lines: string[];
  /** the whole label, for a <title> and the accessible name */
  full: string;
  /** the label was shortened with an ellipsis */
  shortened: boolean;
  /** the label's box in the picture's units */
  box: Box;
  /** hidden at rest because it would overlap another label or node */
  crowded: boolean;
  degree: number;
}

export interface PictureLayout {
  nodes: PlacedPictureNode[];
  /** what the picture shows at this zoom */
  viewBox: Box;
  /** the whole picture (zoom 1) */
  extent: Box;
  /** picture units per screen pixel at this zoom */
  unit: number;
  /** the label font size in picture units */
  fontSize: number;
}

export interface PictureOptions {
  /** the picture's width on the screen */
  widthPx: number;
  /** 1 shows everything; 2 shows half the width, around `focus` */
  zoom?: number;
  focus?: { x: number; y: number };
  fontPx?: number;
  minRadiusPx?: number;
  maxRadiusPx?: number;
  /** the degree that gets the largest size; the largest in the data unless given */
  maxDegree?: number;
  maxChars?: number;
  maxLines?: number;
  /** room around the picture, in screen pixels */
  paddingPx?: number;
}

/**
 * A generous width per character (in ems): Source Sans 3 averages about 0.5, the fallback fonts
 * a little more, so a box computed with this holds the text in any of them.
 */
const charWidthEm = 0.62;
const lineHeightEm = 1.25;

/**
 * A label on at most `maxLines` lines of about `maxChars` characters, broken between words; what
 * does not fit ends in an ellipsis (the whole text stays in `full`).
 */
export function wrapLabel(
  text: string,
  maxChars = 18,
  maxLines = 2,
): { lines: string[]; full: string; shortened: boolean } {
  const full = text.trim().replace(/\s+/g, " ");
  const lines: string[] = [];
  let rest = full;
  while (rest && lines.length < maxLines) {
    if (rest.length <= maxChars) {
      lines.push(rest);
      rest = "";
      break;
    }
    const space = rest.lastIndexOf(" ", maxChars);
    const firstWord = rest.indexOf(" ");
    const wordLength = firstWord < 0 ? rest.length : firstWord;
    // break between words; a word a little longer than a line keeps its own line, a much longer
    // one is cut in it (the ellipsis below says so)
    const cut = space > 0 ? space : wordLength <= Math.ceil(maxChars * 1.4) ? wordLength : maxChars;
    lines.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (!rest) return { lines, full, shortened: false };
  const last = lines.length - 1;
  const kept = (lines[last] ?? "")
    .slice(0, Math.max(maxChars, (lines[last] ?? "").length) - 1)
    .trimEnd();
  lines[last] = `${kept}…`;
  return { lines, full, shortened: true };
}

/** The radius for a number of links: the area grows with the degree, between min and max. */
export function radiusFor(degree: number, maxDegree: number, min: number, max: number) {
  if (maxDegree <= 0) return min;
  const share = Math.min(1, Math.max(0, degree) / maxDegree);
  return min + (max - min) * Math.sqrt(share);
}

/** How many links each node has (a link to an unknown node counts for the known end only). */
export function degreesOf(links: { from: string; to: string }[]) {
  const degree = new Map<string, number>();
  for (const link of links) {
    degree.set(link.from, (degree.get(link.from) ?? 0) + 1);
    degree.set(link.to, (degree.get(link.to) ?? 0) + 1);
  }
  return degree;
}

function overlaps(a: Box, b: Box) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Box, inner: Box) {
  const e = 1e-6;
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.width <= outer.x + outer.width + e &&
    inner.y + inner.height <= outer.y + outer.height + e
  );
}

function union(boxes: Box[]): Box {
  if (!boxes.length) return { x: -1, y: -1, width: 2, height: 2 };
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

/** Narrower labels on a phone, where a line of 18 characters would take half the picture. */
const defaultMaxChars = (widthPx: number) => (widthPx < 480 ? 13 : 18);

/** The layout at a given scale (picture units per screen pixel). */
function layoutAt(nodes: PictureNodeInput[], unit: number, options: PictureOptions) {
  const fontSize = (options.fontPx ?? 13) * unit;
  const lineHeight = fontSize * lineHeightEm;
  // shapes a little smaller on a phone, where the picture is a third as wide (labels stay 13 px)
  const shrink = Math.min(1, Math.max(0.6, options.widthPx / 640));
  const minR = (options.minRadiusPx ?? 5) * shrink * unit;
  const maxR = (options.maxRadiusPx ?? 14) * shrink * unit;
  const maxDegree = options.maxDegree ?? Math.max(1, ...nodes.map((n) => n.degree));
  const placed: PlacedPictureNode[] = nodes.map((node) => {
    const { lines, full, shortened } = wrapLabel(
      node.label,
      node.maxChars ?? options.maxChars ?? defaultMaxChars(options.widthPx),
      node.maxLines ?? options.maxLines ?? 2,
    );
    const width = Math.max(...lines.map((l) => l.length), 1) * fontSize * charWidthEm;
    const height = lines.length * lineHeight;
    let r = radiusFor(node.degree, maxDegree, minR, maxR);
    let box: Box;
    if (node.inside) {
      r = Math.max(r, Math.hypot(width / 2, height / 2) + 4 * unit);
      box = { x: node.x - width / 2, y: node.y - height / 2, width, height };
    } else {
      box = { x: node.x - width / 2, y: node.y + r + 3 * unit, width, height };
    }
    return {
      id: node.id,
      x: node.x,
      y: node.y,
      r,
      lines,
      full,
      shortened,
      box,
      crowded: false,
      degree: node.degree,
    };
  });
  // Greedy: the labels of the best-connected nodes first; a label that would overlap one already
  // shown, or another node, waits for hover, focus or zoom.
  const order = placed
    .map((node, i) => ({ node, input: nodes[i] as PictureNodeInput }))
    .sort(
      (a, b) =>
        Number(b.input.alwaysLabel ?? false) - Number(a.input.alwaysLabel ?? false) ||
        b.node.degree - a.node.degree ||
        a.node.full.localeCompare(b.node.full),
    );
  const shown: Box[] = [];
  const shapes = placed.map((n) => ({
    id: n.id,
    box: { x: n.x - n.r, y: n.y - n.r, width: n.r * 2, height: n.r * 2 },
  }));
  for (const { node, input } of order) {
    if (!input.inside) {
      const crowded =
        shown.some((b) => overlaps(b, node.box)) ||
        shapes.some((s) => s.id !== node.id && overlaps(s.box, node.box));
      node.crowded = crowded && !input.alwaysLabel;
    }
    if (!node.crowded) shown.push(node.box);
  }
  const padding = (options.paddingPx ?? 8) * unit;
  const all = union([
    ...shapes.map((s) => s.box),
    // crowded labels too: they appear on hover and must fit as well
    ...placed.map((n) => n.box),
  ]);
  const extent = {
    x: all.x - padding,
    y: all.y - padding,
    width: all.width + 2 * padding,
    height: all.height + 2 * padding,
  };
  return { nodes: placed, extent, fontSize };
}

/**
 * Lays out a picture for a screen width: sizes by degree, wrapped labels, crowded labels marked,
 * and a viewBox that holds every shape and every label (also the crowded ones).
 */
export function layoutPicture(nodes: PictureNodeInput[], options: PictureOptions): PictureLayout {
  const widthPx = Math.max(120, options.widthPx);
  // The scale depends on the extent, which depends on the labels' size at that scale: a few
  // rounds settle it (the last extent is computed from the last labels, so it always holds them).
  let unit = 1;
  let base = layoutAt(nodes, unit, options);
  for (let round = 0; round < 4; round++) {
    const next = base.extent.width / widthPx;
    if (Math.abs(next - unit) / unit < 0.01) break;
    unit = next;
    base = layoutAt(nodes, unit, options);
  }
  const zoom = Math.max(1, options.zoom ?? 1);
  if (zoom === 1)
    return {
      nodes: base.nodes,
      viewBox: base.extent,
      extent: base.extent,
      unit,
      fontSize: base.fontSize,
    };
  // Zoomed in: the same positions, with shapes and labels at their screen size, so more labels fit.
  const zoomed = layoutAt(nodes, unit / zoom, options);
  const width = base.extent.width / zoom;
  const height = base.extent.height / zoom;
  const focus = options.focus ?? {
    x: base.extent.x + base.extent.width / 2,
    y: base.extent.y + base.extent.height / 2,
  };
  const x = Math.min(
    Math.max(focus.x - width / 2, base.extent.x),
    base.extent.x + base.extent.width - width,
  );
  const y = Math.min(
    Math.max(focus.y - height / 2, base.extent.y),
    base.extent.y + base.extent.height - height,
  );
  return {
    nodes: zoomed.nodes,
    viewBox: { x, y, width, height },
    extent: base.extent,
    unit: unit / zoom,
    fontSize: zoomed.fontSize,
  };
}

export const viewBoxOf = (box: Box) =>
  `${round(box.x)} ${round(box.y)} ${round(box.width)} ${round(box.height)}`;

export const round = (n: number) => Math.round(n * 10) / 10;

/** The lines of a label as <tspan> rows: the first at the label's top, each next one line lower. */
export const rowsOf = (lines: string[]) =>
  lines.map((text, i) => ({
    // a space before each next line, so the text reads as words when copied or read out
    text: i ? ` ${text}` : text,
    key: `${i}:${text}`,
    dy: i ? `${lineHeightEm}em` : "0",
  }));
