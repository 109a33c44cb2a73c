import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { mapKindLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";
import { DegreeLegend, PositionLegend, useWidth, ZoomControls } from "./picture-controls.tsx";
import { degreesOf, layoutPicture, round, rowsOf, viewBoxOf } from "./picture-layout.ts";
import {
  isPosition,
  kindStyle,
  positionStyle,
  resolveColour,
  shapePath,
} from "./picture-palette.ts";

export interface MapNodeView {
  id: string;
  kind: "theme" | "initiative" | "person" | "tag";
  label: string;
  x: number;
  y: number;
}

export interface MapLinkView {
  from: string;
  to: string;
  kind: string;
}

const kinds = ["theme", "initiative", "person", "tag"] as const;
const sizes = { theme: 9, initiative: 6, person: 4, tag: 3 };
const dimColour = "#cbd5e1";
/** How long the view must rest before the cached picture is replaced by a full drawing. */
const settleMs = 120;

interface View {
  x: number;
  y: number;
  /** 0: not fitted yet (first drawing, or after "reset") */
  scale: number;
}

/** The map as arrays, indexed once per data change so a drawing does no lookups by id. */
interface Scene {
  xs: Float64Array;
  ys: Float64Array;
  from: Int32Array;
  to: Int32Array;
  /** node indexes per kind, in the data's order */
  byKind: Record<(typeof kinds)[number], number[]>;
  extent: number;
}

/** The last full drawing: a picture a margin larger than the canvas, and the view it shows. */
interface Cached {
  picture: HTMLCanvasElement;
  view: View;
  width: number;
  height: number;
  ratio: number;
  marginX: number;
  marginY: number;
}

function sceneOf(nodes: MapNodeView[], links: MapLinkView[]): Scene {
  const index = new Map<string, number>();
  const xs = new Float64Array(nodes.length);
  const ys = new Float64Array(nodes.length);
  const byKind: Scene["byKind"] = { theme: [], initiative: [], person: [], tag: [] };
  let extent = 200;
  nodes.forEach((node, i) => {
    index.set(node.id, i);
    xs[i] = node.x;
    ys[i] = node.y;
    byKind[node.kind].push(i);
    extent = Math.max(extent, Math.abs(node.x), Math.abs(node.y));
  });
  const from: number[] = [];
  const to: number[] = [];
  for (const link of links) {
    const a = index.get(link.from);
    const b = index.get(link.to);
    if (a === undefined || b === undefined) continue;
    from.push(a);
    to.push(b);
  }
  return { xs, ys, from: Int32Array.from(from), to: Int32Array.from(to), byKind, extent };
}

/**
 * Netwerken in beeld on a canvas, for a board too large to draw as SVG. A full drawing is one pass over typed arrays with one stroke
 * for all links and one fill per colour, of only what lies in view; it goes into a cached
 * picture a margin larger than the canvas. While the map is dragged or wheeled, each animation
 * frame only moves (or scales) that picture; the full drawing follows when the view rests, so
 * panning 5 000 nodes and 20 000 links stays fluid. React does not render during a drag.
 * Drag to pan, wheel or buttons to zoom, click a node to select it; the selection and its
 * neighbours are also given as a list beside the picture.
 */
function CanvasMap({
  nodes,
  links,
  selectedId,
  onSelect,
}: {
  nodes: MapNodeView[];
  links: MapLinkView[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const view = useRef<View>({ x: 0, y: 0, scale: 0 });
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const scene = useMemo(() => sceneOf(nodes, links), [nodes, links]);
  const selection = useMemo(() => {
    const selected = selectedId ? nodes.findIndex((n) => n.id === selectedId) : -1;
    const neighbours = new Set<number>();
    if (selected >= 0)
      for (let i = 0; i < scene.from.length; i++) {
        if (scene.from[i] === selected) neighbours.add(scene.to[i] ?? -1);
        if (scene.to[i] === selected) neighbours.add(scene.from[i] ?? -1);
      }
    return { selected, neighbours };
  }, [nodes, scene, selectedId]);

  // What the drawing reads; refs, so a frame scheduled before a render sees the newest data.
  const latest = useRef({ nodes, scene, selection });
  latest.current = { nodes, scene, selection };
  const cached = useRef<Cached | null>(null);
  const frame = useRef<{ id: number; full: boolean } | null>(null);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Draws everything in (and a margin around) the view into a fresh cached picture. */
  const drawFull = (canvas: HTMLCanvasElement) => {
    const { nodes, scene, selection } = latest.current;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const v = view.current;
    // fit the whole map the first time and after "reset"
    if (!v.scale) v.scale = (Math.min(width, height) / 2 - 20) / scene.extent;
    const marginX = Math.round(width / 3);
    const marginY = Math.round(height / 3);
    const w = width + 2 * marginX;
    const h = height + 2 * marginY;
    const picture = cached.current?.picture ?? document.createElement("canvas");
    if (picture.width !== Math.round(w * ratio) || picture.height !== Math.round(h * ratio)) {
      picture.width = Math.round(w * ratio);
      picture.height = Math.round(h * ratio);
    }
    const context = picture.getContext("2d");
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, w, h);
    const { xs, ys, from, to, byKind } = scene;
    const count = xs.length;
    const px = new Float64Array(count);
    const py = new Float64Array(count);
    // where a point is: 0 inside the picture, else bits for left/right/above/below
    const side = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const x = w / 2 + ((xs[i] ?? 0) - v.x) * v.scale;
      const y = h / 2 + ((ys[i] ?? 0) - v.y) * v.scale;
      px[i] = x;
      py[i] = y;
      side[i] = (x < -20 ? 1 : 0) | (x > w + 20 ? 2 : 0) | (y < -20 ? 4 : 0) | (y > h + 20 ? 8 : 0);
    }
    const { selected, neighbours } = selection;
    // all links in one path, one stroke; a link with both ends beyond one edge is left out
    context.lineWidth = 1;
    context.strokeStyle = selected >= 0 ? "rgba(100,116,139,0.08)" : "rgba(100,116,139,0.18)";
    context.beginPath();
    for (let l = 0; l < from.length; l++) {
      const a = from[l] ?? 0;
      const b = to[l] ?? 0;
      if ((side[a] ?? 0) & (side[b] ?? 0)) continue;
      context.moveTo(px[a] ?? 0, py[a] ?? 0);
      context.lineTo(px[b] ?? 0, py[b] ?? 0);
    }
    context.stroke();
    if (selected >= 0) {
      context.strokeStyle = "rgba(180,83,9,0.9)";
      context.lineWidth = 2;
      context.beginPath();
      for (const n of neighbours) {
        context.moveTo(px[selected] ?? 0, py[selected] ?? 0);
        context.lineTo(px[n] ?? 0, py[n] ?? 0);
      }
      context.stroke();
    }
    // nodes: one path and one fill per colour, dimmed ones underneath
    const growth = Math.min(2, v.scale * 1.5);
    const dot = (i: number, r: number) => {
      const x = px[i] ?? 0;
      const y = py[i] ?? 0;
      context.moveTo(x + r, y);
      context.arc(x, y, r, 0, Math.PI * 2);
    };
    const isLit = (i: number) => selected < 0 || i === selected || neighbours.has(i);
    if (selected >= 0) {
      context.fillStyle = dimColour;
      context.beginPath();
      for (const kind of kinds) {
        const r = Math.max(2, sizes[kind] * growth);
        for (const i of byKind[kind]) if (!side[i] && !isLit(i)) dot(i, r);
      }
      context.fill();
    }
    for (const kind of kinds) {
      const r = Math.max(2, sizes[kind] * growth);
      context.fillStyle = resolveColour(kindStyle[kind].colour);
      context.beginPath();
      for (const i of byKind[kind]) if (!side[i] && isLit(i)) dot(i, i === selected ? r + 4 : r);
      context.fill();
    }
    // labels only where there is room: themes always, others when zoomed in or selected
    context.fillStyle = "#0f172a";
    context.font = "12px system-ui, sans-serif";
    for (let i = 0; i < count; i++) {
      if (side[i]) continue;
      const node = nodes[i];
      if (!node) continue;
      const show = node.kind === "theme" || v.scale > 1.2 || i === selected || neighbours.has(i);
      if (show) context.fillText(node.label, (px[i] ?? 0) + 8, (py[i] ?? 0) + 4);
    }
    cached.current = {
      picture,
      view: { ...view.current },
      width,
      height,
      ratio,
      marginX,
      marginY,
    };
    performance.mark("kennisnetwerk-getekend");
  };

  /** Puts the cached picture on the canvas, moved and scaled from its view to the current one. */
  const show = (canvas: HTMLCanvasElement, picture: Cached) => {
    const context = canvas.getContext("2d");
    if (!context) return;
    const { width, height, ratio, marginX, marginY } = picture;
    const v = view.current;
    const k = v.scale / picture.view.scale;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    context.translate(
      width / 2 + (picture.view.x - v.x) * v.scale,
      height / 2 + (picture.view.y - v.y) * v.scale,
    );
    context.scale(k, k);
    context.drawImage(
      picture.picture,
      -width / 2 - marginX,
      -height / 2 - marginY,
      width + 2 * marginX,
      height + 2 * marginY,
    );
  };

  const render = (full: boolean) => {
    const canvas = canvasRef.current;
    if (!canvas?.clientWidth) return;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (
      canvas.width !== Math.round(width * ratio) ||
      canvas.height !== Math.round(height * ratio)
    ) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      full = true;
    }
    const c = cached.current;
    const v = view.current;
    // a picture that no longer covers the canvas (dragged past its margin) is drawn again now
    const uncovered =
      !c ||
      !v.scale ||
      c.width !== width ||
      c.height !== height ||
      c.ratio !== ratio ||
      Math.abs((c.view.x - v.x) * v.scale) > c.marginX ||
      Math.abs((c.view.y - v.y) * v.scale) > c.marginY ||
      v.scale < c.view.scale / 1.5;
    if (full || uncovered) drawFull(canvas);
    const picture = cached.current;
    if (picture) show(canvas, picture);
    if (!full && !uncovered) {
      clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(() => request(true), settleMs);
    }
  };

  /** At most one drawing per animation frame, however many events ask for one. */
  const request = (full: boolean) => {
    if (frame.current) {
      frame.current.full ||= full;
      return;
    }
    const next = { id: 0, full };
    next.id = requestAnimationFrame(() => {
      frame.current = null;
      if (next.full) clearTimeout(settleTimer.current);
      render(next.full);
    });
    frame.current = next;
  };
  const requestRef = useRef(request);
  requestRef.current = request;

  // New data or another selection: draw everything again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the drawing reads them through refs
  useEffect(() => {
    requestRef.current(true);
  }, [scene, selection]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const resized = new ResizeObserver(() => requestRef.current(true));
    if (canvas) resized.observe(canvas);
    return () => {
      resized.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current.id);
      frame.current = null;
      clearTimeout(settleTimer.current);
    };
  }, []);

  const pick = (clientX: number, clientY: number) => {
    const canvas = canvasRef.current;
    const v = view.current;
    if (!canvas || !v.scale) return null;
    const rect = canvas.getBoundingClientRect();
    const x = (clientX - rect.left - rect.width / 2) / v.scale + v.x;
    const y = (clientY - rect.top - rect.height / 2) / v.scale + v.y;
    let best: MapNodeView | null = null;
    let bestDistance = (10 / v.scale) ** 2;
    for (const node of nodes) {
      const d = (node.x - x) ** 2 + (node.y - y) ** 2;
      if (d < bestDistance) {
        best = node;
        bestDistance = d;
      }
    }
    return best;
  };
  const zoom = (factor: number, full: boolean) => {
    const v = view.current;
    if (!v.scale) return;
    view.current = { ...v, scale: Math.min(20, Math.max(0.02, v.scale * factor)) };
    request(full);
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => zoom(1.4, true)}
        >
          {t("analysis.zoomIn")}
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => zoom(1 / 1.4, true)}
        >
          {t("analysis.zoomOut")}
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => {
            view.current = { x: 0, y: 0, scale: 0 };
            request(true);
          }}
        >
          {t("analysis.zoomReset")}
        </button>
      </div>
      <canvas
        ref={canvasRef}
        className="h-[70vh] w-full touch-none rounded-md border border-slate-300"
        role="img"
        aria-label={t("map.canvasLabel", { count: nodes.length, links: links.length })}
        onPointerDown={(event) => {
          drag.current = { x: event.clientX, y: event.clientY, moved: false };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start) return;
          const dx = event.clientX - start.x;
          const dy = event.clientY - start.y;
          if (Math.abs(dx) + Math.abs(dy) < 3 && !start.moved) return;
          if (!start.moved) {
            // keep the drag when the pointer leaves the canvas (a pen or script may not allow it)
            try {
              event.currentTarget.setPointerCapture(event.pointerId);
            } catch {}
          }
          drag.current = { x: event.clientX, y: event.clientY, moved: true };
          const v = view.current;
          if (!v.scale) return;
          view.current = { ...v, x: v.x - dx / v.scale, y: v.y - dy / v.scale };
          request(false);
        }}
        onPointerUp={(event) => {
          if (drag.current && !drag.current.moved)
            onSelect(pick(event.clientX, event.clientY)?.id ?? null);
          else if (drag.current) request(true);
          drag.current = null;
        }}
        onPointerCancel={() => {
          if (drag.current?.moved) request(true);
          drag.current = null;
        }}
        onWheel={(event) => zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, false)}
      />
      <ul className="flex flex-wrap gap-3 text-sm" aria-label={t("analysis.legend")}>
        {kinds.map((kind) => (
          <li key={kind} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-full"
              style={{ background: kindStyle[kind].colour }}
            />
            {t(mapKindLabel[kind])}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Up to this many nodes the map is an SVG with a focusable, labelled node each; beyond, a canvas. */
const svgMapLimit = 400;

/**
 * Netwerken in beeld. A school's map is an SVG: every node a link (focusable, named, and working
 * without JavaScript through `?knoop=`), sized by its number of links, with a label that is
 * never cut off; crowded labels appear on hover, focus and zoom. A board of thousands of nodes
 * gets the canvas, which stays fluid at that size; the list beside it is the way in there.
 */
export function KnowledgeMap(props: {
  nodes: MapNodeView[];
  links: MapLinkView[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** the node with keyboard focus or under the pointer, to show its neighbourhood */
  onPreview?: (id: string | null) => void;
  hrefOf: (id: string) => string;
}) {
  return props.nodes.length > svgMapLimit ? <CanvasMap {...props} /> : <SvgMap {...props} />;
}

function SvgMap({
  nodes,
  links,
  selectedId,
  onSelect,
  onPreview,
  hrefOf,
}: {
  nodes: MapNodeView[];
  links: MapLinkView[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onPreview?: (id: string | null) => void;
  hrefOf: (id: string) => string;
}) {
  const t = useT();
  const [wrapRef, widthPx] = useWidth();
  const [zoom, setZoom] = useState(1);
  const [focus, setFocus] = useState<{ x: number; y: number } | undefined>(undefined);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; at: { x: number; y: number } } | null>(null);
  const degree = useMemo(() => degreesOf(links), [links]);
  const layout = useMemo(
    () =>
      layoutPicture(
        nodes.map((n) => ({
          id: n.id,
          x: n.x,
          y: n.y,
          label: n.label,
          degree: degree.get(n.id) ?? 0,
          alwaysLabel: n.kind === "theme",
        })),
        { widthPx, zoom, focus, fontPx: 13, minRadiusPx: 5, maxRadiusPx: 15 },
      ),
    [nodes, degree, widthPx, zoom, focus],
  );
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const placed = new Map(layout.nodes.map((n) => [n.id, n]));
  const activeId = previewId ?? selectedId;
  const near = new Set<string>();
  if (activeId) {
    near.add(activeId);
    for (const l of links) {
      if (l.from === activeId) near.add(l.to);
      if (l.to === activeId) near.add(l.from);
    }
  }
  const preview = (id: string | null) => {
    setPreviewId(id);
    onPreview?.(id);
  };
  const zoomTo = (next: number) => {
    const selected = selectedId ? placed.get(selectedId) : undefined;
    setZoom(Math.min(8, Math.max(1, next)));
    if (selected && !focus) setFocus({ x: selected.x, y: selected.y });
    if (next <= 1) setFocus(undefined);
  };
  const keyDown = (event: KeyboardEvent, id: string) => {
    if (event.key === " ") {
      event.preventDefault();
      onSelect(id);
    }
  };
  const unit = layout.unit;
  const activeNode = activeId ? placed.get(activeId) : undefined;
  return (
    <div ref={wrapRef} className="flex flex-col gap-2">
      <ZoomControls
        zoom={zoom}
        onZoom={zoomTo}
        onReset={() => {
          setZoom(1);
          setFocus(undefined);
        }}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: a picture of links, not a form group */}
      <svg
        viewBox={viewBoxOf(layout.viewBox)}
        role="group"
        aria-label={t("map.canvasLabel", { count: nodes.length, links: links.length })}
        className={`block h-auto w-full select-none rounded-md border border-slate-300 bg-white ${zoom > 1 ? "cursor-move touch-none" : ""}`}
        onPointerDown={(event) => {
          if (zoom <= 1 || (event.target as Element).closest("a")) return;
          drag.current = {
            x: event.clientX,
            y: event.clientY,
            at: {
              x: layout.viewBox.x + layout.viewBox.width / 2,
              y: layout.viewBox.y + layout.viewBox.height / 2,
            },
          };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start) return;
          setFocus({
            x: start.at.x - (event.clientX - start.x) * unit,
            y: start.at.y - (event.clientY - start.y) * unit,
          });
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
        onPointerLeave={() => {
          drag.current = null;
        }}
      >
        <g>
          {links.map((link) => {
            const a = placed.get(link.from);
            const b = placed.get(link.to);
            if (!a || !b) return null;
            const lit = activeId !== null && (link.from === activeId || link.to === activeId);
            const style = isPosition(link.kind) ? positionStyle[link.kind] : positionStyle.none;
            return (
              <line
                key={`${link.from}-${link.to}-${link.kind}`}
                x1={round(a.x)}
                y1={round(a.y)}
                x2={round(b.x)}
                y2={round(b.y)}
                style={{
                  stroke: lit ? style.colour : "#94a3b8",
                  strokeOpacity: activeId && !lit ? 0.25 : lit ? 1 : 0.7,
                  strokeWidth: (lit ? 2.5 : 1) * unit,
                  strokeDasharray: lit && style.dash ? scaleDash(style.dash, unit) : undefined,
                }}
              />
            );
          })}
        </g>
        {layout.nodes.map((node) => {
          const source = byId.get(node.id);
          if (!source) return null;
          const style = kindStyle[source.kind];
          const dimmed = activeId !== null && !near.has(node.id);
          const isActive = node.id === activeId;
          const count = node.degree;
          return (
            <a
              key={node.id}
              href={hrefOf(node.id)}
              aria-label={t("map.nodeName", {
                label: node.full,
                kind: t(mapKindLabel[source.kind]),
                count,
              })}
              aria-current={node.id === selectedId ? "true" : undefined}
              className="group outline-none"
              style={{ opacity: dimmed ? 0.3 : 1 }}
              onClick={(event) => {
                event.preventDefault();
                onSelect(node.id);
              }}
              onKeyDown={(event) => keyDown(event, node.id)}
              onFocus={() => preview(node.id)}
              onBlur={() => preview(null)}
              onPointerEnter={() => preview(node.id)}
              onPointerLeave={() => preview(null)}
            >
              <title>{node.full}</title>
              <g transform={`translate(${round(node.x)} ${round(node.y)})`}>
                {/* the focus ring: the browser draws none around an SVG link */}
                <circle
                  r={round(node.r + 5 * unit)}
                  className="opacity-0 group-focus-visible:opacity-100"
                  style={{ fill: "none", stroke: "var(--color-signal-600)", strokeWidth: 3 * unit }}
                />
                <path
                  d={shapePath(style.shape, node.r)}
                  style={{
                    fill: style.colour,
                    stroke: isActive ? "#0f172a" : "#ffffff",
                    strokeWidth: (isActive ? 2.5 : 1.2) * unit,
                  }}
                />
              </g>
              <MapLabel
                node={node}
                fontSize={layout.fontSize}
                unit={unit}
                className={
                  node.crowded && !near.has(node.id)
                    ? "opacity-0 group-hover:opacity-100 group-focus:opacity-100"
                    : ""
                }
              />
            </a>
          );
        })}
        {/* the active node's label once more on top, so no neighbour covers it */}
        {activeNode ? (
          <MapLabel node={activeNode} fontSize={layout.fontSize} unit={unit} className="" bold />
        ) : null}
      </svg>
      <div className="flex flex-col gap-1 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label={t("analysis.legend")}>
          {kinds.map((kind) => (
            <li key={kind} className="flex items-center gap-1">
              <svg viewBox="-8 -8 16 16" className="size-4" aria-hidden="true">
                <path
                  d={shapePath(kindStyle[kind].shape, 5.5)}
                  style={{ fill: kindStyle[kind].colour }}
                />
              </svg>
              {t(mapKindLabel[kind])}
            </li>
          ))}
        </ul>
        <DegreeLegend />
        <PositionLegend lines />
      </div>
    </div>
  );
}

function scaleDash(dash: string, unit: number) {
  return dash
    .split(" ")
    .map((n) => round(Number(n) * unit))
    .join(" ");
}

/** A label under its node, with a white halo so links behind it do not blur it. */
function MapLabel({
  node,
  fontSize,
  unit,
  className,
  bold = false,
}: {
  node: { box: { x: number; y: number; width: number }; lines: string[] };
  fontSize: number;
  unit: number;
  className: string;
  bold?: boolean;
}) {
  return (
    // the node's accessible name carries the whole label; the drawn lines may end in "…"
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text is never focusable
    <text
      aria-hidden="true"
      x={round(node.box.x + node.box.width / 2)}
      y={round(node.box.y)}
      textAnchor="middle"
      dominantBaseline="hanging"
      className={className}
      style={{
        fontSize: round(fontSize),
        fontWeight: bold ? 600 : 400,
        fill: "#0f172a",
        stroke: "#ffffff",
        strokeWidth: round(3 * unit),
        strokeLinejoin: "round",
        paintOrder: "stroke",
      }}
    >
      {rowsOf(node.lines).map((row) => (
        <tspan key={row.key} x={round(node.box.x + node.box.width / 2)} dy={row.dy}>
          {row.text}
        </tspan>
      ))}
    </text>
  );
}
