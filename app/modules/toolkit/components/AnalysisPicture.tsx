import { type KeyboardEvent, type PointerEvent, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { analysisKindLabel, labelFor, positionLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";
import { DegreeLegend, PositionLegend, useWidth, ZoomControls } from "./picture-controls.tsx";
import { type Box, layoutPicture, round, rowsOf, viewBoxOf } from "./picture-layout.ts";
import { isPosition, positionStyle, resolveColour } from "./picture-palette.ts";

export interface PictureItem {
  id: string;
  kind: "ingredient" | "schakel";
  label: string;
  position: string | null;
  linkedTo: string[];
  x: number | null;
  y: number | null;
}

const centreId = "__centre";

/** Where a node stands when nobody has dragged it: schakels around the centre, ingredients at the rim. */
function defaultPlace(items: PictureItem[], item: PictureItem) {
  const ring = items.filter((i) => i.kind === item.kind);
  const index = ring.indexOf(item);
  const angle = (index / Math.max(1, ring.length)) * 2 * Math.PI - Math.PI / 2;
  const radius = item.kind === "schakel" ? 170 : 320;
  return { x: Math.round(Math.cos(angle) * radius), y: Math.round(Math.sin(angle) * radius) };
}

/** Who or what each node is linked to: a schakel to the centre and its ingredients. */
export function neighboursOf(items: PictureItem[]) {
  const near = new Map<string, Set<string>>([[centreId, new Set()]]);
  const add = (a: string, b: string) => {
    if (!near.has(a)) near.set(a, new Set());
    if (!near.has(b)) near.set(b, new Set());
    near.get(a)?.add(b);
    near.get(b)?.add(a);
  };
  const known = new Set(items.map((i) => i.id));
  for (const item of items) {
    if (!near.has(item.id)) near.set(item.id, new Set());
    if (item.kind !== "schakel") continue;
    add(item.id, centreId);
    for (const id of item.linkedTo) if (known.has(id)) add(item.id, id);
  }
  return near;
}

/**
 * Figure 7.1: the initiative in the centre, schakels around it, ingredients at the rim; colour
 * and letter per position, size by the number of links. Drag a node (or focus it and use the
 * arrow keys) to move it for everyone; zoom with the buttons; Enter, Space or a click opens it
 * for editing. The focused or chosen node lights up its neighbourhood, listed below as text.
 */
export function AnalysisPicture({
  centre,
  items,
  selectedId,
  onSelect,
  onMove,
  svgRef,
}: {
  centre: string;
  items: PictureItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onMove: (id: string, x: number, y: number) => void;
  svgRef: React.RefObject<SVGSVGElement | null>;
}) {
  const t = useT();
  const [wrapRef, widthPx] = useWidth();
  const [zoom, setZoom] = useState(1);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [dragging, setDragging] = useState<{ id: string; x: number; y: number } | null>(null);
  const frozen = useRef<Box | null>(null);
  const moved = useRef(false);
  const place = (item: PictureItem) =>
    dragging?.id === item.id
      ? { x: dragging.x, y: dragging.y }
      : item.x !== null && item.y !== null
        ? { x: item.x, y: item.y }
        : defaultPlace(items, item);
  const near = useMemo(() => neighboursOf(items), [items]);
  const placeOf = new Map(items.map((item) => [item.id, place(item)]));
  const selectedAt = selectedId ? placeOf.get(selectedId) : undefined;
  const layout = layoutPicture(
    [
      {
        id: centreId,
        x: 0,
        y: 0,
        label: centre,
        degree: near.get(centreId)?.size ?? 0,
        inside: true,
        alwaysLabel: true,
        maxChars: 14,
        maxLines: 3,
      },
      ...items.map((item) => ({
        id: item.id,
        ...(placeOf.get(item.id) ?? { x: 0, y: 0 }),
        label: item.label,
        degree: near.get(item.id)?.size ?? 0,
      })),
    ],
    {
      widthPx,
      zoom,
      focus: selectedAt,
      fontPx: 13,
      minRadiusPx: 12,
      maxRadiusPx: 24,
      // the centre takes its size from its label; the others grow up to the best-linked schakel
      maxDegree: Math.max(1, ...items.map((i) => near.get(i.id)?.size ?? 0)),
    },
  );
  // while a node is dragged the picture keeps its frame, so the node stays under the pointer
  const viewBox = dragging && frozen.current ? frozen.current : layout.viewBox;
  const laid = new Map(layout.nodes.map((n) => [n.id, n]));
  const unit = layout.unit;
  const activeId = focusedId ?? selectedId;
  const lit = activeId ? new Set([activeId, ...(near.get(activeId) ?? [])]) : null;
  const isLitLink = (a: string, b: string) =>
    activeId !== null && (a === activeId || b === activeId);
  const toSvg = (event: PointerEvent) => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM()?.inverse();
    if (!svg || !matrix) return { x: 0, y: 0 };
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    return { x: Math.round(point.x), y: Math.round(point.y) };
  };
  const keyMove = (event: KeyboardEvent, item: PictureItem) => {
    const step = event.shiftKey ? 40 : 10;
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(item.id);
      return;
    }
    const d = delta[event.key];
    if (!d) return;
    event.preventDefault();
    const at = place(item);
    onMove(item.id, at.x + d[0], at.y + d[1]);
  };
  const centreNode = laid.get(centreId);
  const active = activeId ? items.find((i) => i.id === activeId) : undefined;
  const labelOf = new Map(items.map((i) => [i.id, i.label]));
  const line = (
    key: string,
    a: { x: number; y: number },
    b: { x: number; y: number },
    on: boolean,
    colour: string,
    dash: string,
  ) => (
    <line
      key={key}
      x1={round(a.x)}
      y1={round(a.y)}
      x2={round(b.x)}
      y2={round(b.y)}
      style={{
        stroke: on ? colour : "#94a3b8",
        strokeOpacity: lit && !on ? 0.25 : 1,
        strokeWidth: (on ? 3 : 1.5) * unit,
        strokeDasharray:
          on && dash
            ? dash
                .split(" ")
                .map((n) => round(Number(n) * unit))
                .join(" ")
            : undefined,
      }}
    />
  );
  return (
    <div ref={wrapRef} className="flex flex-col gap-2">
      <ZoomControls
        zoom={zoom}
        onZoom={(z) => setZoom(Math.min(8, Math.max(1, z)))}
        onReset={() => setZoom(1)}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: a picture of links, not a form group */}
      <svg
        ref={svgRef}
        viewBox={viewBoxOf(viewBox)}
        role="group"
        className="block h-auto w-full max-w-3xl touch-none select-none rounded-md border border-slate-300 bg-white"
        aria-label={t("analysis.pictureLabel", { centre })}
        onPointerMove={(event) => {
          if (!dragging) return;
          moved.current = true;
          setDragging({ id: dragging.id, ...toSvg(event) });
        }}
        onPointerUp={() => {
          if (dragging && moved.current) onMove(dragging.id, dragging.x, dragging.y);
          else if (dragging) onSelect(dragging.id);
          setDragging(null);
        }}
        onPointerLeave={() => setDragging(null)}
      >
        <rect {...boxAttributes(viewBox)} fill="#ffffff" />
        <g>
          {items
            .filter((item) => item.kind === "schakel")
            .flatMap((schakel) => {
              const from = placeOf.get(schakel.id) ?? { x: 0, y: 0 };
              const style = positionStyle[isPosition(schakel.position) ? schakel.position : "none"];
              return [
                line(
                  `${schakel.id}-c`,
                  { x: 0, y: 0 },
                  from,
                  isLitLink(schakel.id, centreId),
                  style.colour,
                  style.dash,
                ),
                ...schakel.linkedTo.map((id) => {
                  const to = placeOf.get(id);
                  return to
                    ? line(
                        `${schakel.id}-${id}`,
                        from,
                        to,
                        isLitLink(schakel.id, id),
                        style.colour,
                        style.dash,
                      )
                    : null;
                }),
              ];
            })}
        </g>
        {centreNode ? (
          <g style={{ opacity: lit && !lit.has(centreId) ? 0.35 : 1 }}>
            <title>{centre}</title>
            <circle r={round(centreNode.r)} style={{ fill: "#0f172a" }} />
            <PictureText
              node={centreNode}
              fontSize={layout.fontSize}
              unit={unit}
              inverse
              centreLabel
            />
          </g>
        ) : null}
        {items.map((item) => {
          const node = laid.get(item.id);
          if (!node) return null;
          const at = placeOf.get(item.id) ?? { x: 0, y: 0 };
          const position = isPosition(item.position) ? item.position : null;
          const colour = positionStyle[position ?? "none"].colour;
          const selected = item.id === selectedId;
          const r = node.r;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>
            <g
              key={item.id}
              role="button"
              tabIndex={0}
              aria-label={t("analysis.nodeName", {
                kind: t(analysisKindLabel[item.kind]),
                label: item.label,
                // the letter drawn in the node is in its name too ("p – partner", as in the table)
                position: position
                  ? `${position} – ${t(labelFor(positionLabel, position))}`
                  : t("analysis.noPosition"),
                count: node.degree,
              })}
              aria-pressed={selected}
              data-node={item.id}
              className="group cursor-grab outline-none"
              style={{ opacity: lit && !lit.has(item.id) ? 0.35 : 1 }}
              onPointerDown={(event) => {
                event.preventDefault();
                moved.current = false;
                frozen.current = layout.viewBox;
                setDragging({ id: item.id, ...at });
              }}
              onKeyDown={(event) => keyMove(event, item)}
              onFocus={() => setFocusedId(item.id)}
              onBlur={() => setFocusedId(null)}
            >
              <title>{item.label}</title>
              <g transform={`translate(${round(node.x)} ${round(node.y)})`}>
                <circle
                  data-focus-ring
                  r={round(r + 6 * unit)}
                  className="opacity-0 group-focus-visible:opacity-100"
                  style={{ fill: "none", stroke: "var(--color-signal-600)", strokeWidth: 3 * unit }}
                />
                {item.kind === "schakel" ? (
                  <circle
                    r={round(r)}
                    style={{
                      fill: colour,
                      stroke: selected ? "#0f172a" : "#ffffff",
                      strokeWidth: (selected ? 4 : 2) * unit,
                    }}
                  />
                ) : (
                  <rect
                    x={round(-r * 0.9)}
                    y={round(-r * 0.9)}
                    width={round(r * 1.8)}
                    height={round(r * 1.8)}
                    rx={round(r * 0.3)}
                    style={{
                      fill: colour,
                      stroke: selected ? "#0f172a" : "#ffffff",
                      strokeWidth: (selected ? 4 : 2) * unit,
                    }}
                  />
                )}
              </g>
              <PictureText
                node={node}
                fontSize={layout.fontSize}
                unit={unit}
                className={
                  node.crowded && !(lit?.has(item.id) ?? false)
                    ? "opacity-0 group-hover:opacity-100 group-focus:opacity-100"
                    : ""
                }
              />
            </g>
          );
        })}
        {/* the position letters, outside the nodes so a node's content is its name alone (their
            names say "p – partner"); they let the pointer through to the node under them */}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a group of drawn letters, never focusable */}
        <g aria-hidden="true" style={{ pointerEvents: "none" }}>
          {items.map((item) => {
            const node = laid.get(item.id);
            if (!node || !isPosition(item.position)) return null;
            return (
              <text
                key={item.id}
                x={round(node.x)}
                y={round(node.y + 5 * unit)}
                textAnchor="middle"
                style={{
                  fontSize: round(14 * unit),
                  fontWeight: 700,
                  fill: "#ffffff",
                  opacity: lit && !lit.has(item.id) ? 0.35 : 1,
                }}
              >
                {item.position}
              </text>
            );
          })}
        </g>
      </svg>
      <div className="flex flex-col gap-1 text-sm">
        <PositionLegend />
        <DegreeLegend />
      </div>
      {active ? (
        <section
          className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
          aria-labelledby="analysis-neighbourhood"
          data-neighbourhood
        >
          <h3 id="analysis-neighbourhood" className="font-semibold">
            {t("analysis.neighbourhood", { label: active.label })}
          </h3>
          <ul className="mt-1 flex flex-col gap-1">
            {[...(near.get(active.id) ?? [])].map((id) =>
              id === centreId ? (
                <li key={id}>{centre}</li>
              ) : (
                <li key={id}>
                  <Link
                    to={`?item=${id}`}
                    replace
                    preventScrollReset
                    className="text-accent-700 underline"
                  >
                    {labelOf.get(id)}
                  </Link>
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

const boxAttributes = (box: Box) => ({
  x: round(box.x),
  y: round(box.y),
  width: round(box.width),
  height: round(box.height),
});

/** A node's label: under it, or inside it for the centre; with a halo so lines do not blur it. */
function PictureText({
  node,
  fontSize,
  unit,
  className = "",
  inverse = false,
  centreLabel = false,
}: {
  node: { box: Box; lines: string[] };
  fontSize: number;
  unit: number;
  className?: string;
  inverse?: boolean;
  centreLabel?: boolean;
}) {
  const x = round(node.box.x + node.box.width / 2);
  return (
    // the node's accessible name carries the whole label; the drawn lines may end in "…"
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text is never focusable
    <text
      aria-hidden="true"
      x={x}
      y={round(node.box.y)}
      textAnchor="middle"
      dominantBaseline="hanging"
      className={className}
      data-centre-label={centreLabel || undefined}
      style={{
        fontSize: round(fontSize),
        fontWeight: inverse ? 700 : 400,
        fill: inverse ? "#ffffff" : "#0f172a",
        stroke: inverse ? "none" : "#ffffff",
        strokeWidth: round(3 * unit),
        strokeLinejoin: "round",
        paintOrder: "stroke",
      }}
    >
      {rowsOf(node.lines).map((row) => (
        <tspan key={row.key} x={x} dy={row.dy}>
          {row.text}
        </tspan>
      ))}
    </text>
  );
}

/** Draws the picture onto a canvas and downloads it as PNG (nothing leaves the browser). */
export async function downloadPng(svg: SVGSVGElement, fileName: string) {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  for (const ring of clone.querySelectorAll("[data-focus-ring]")) ring.remove();
  const [, , width = 840, height = 840] = (clone.getAttribute("viewBox") ?? "")
    .split(" ")
    .map(Number);
  clone.setAttribute("width", "1600");
  clone.setAttribute("height", String(Math.round((1600 * height) / width)));
  // the image is drawn without the page's CSS: the colour tokens are written out
  const source = new XMLSerializer()
    .serializeToString(clone)
    .replace(/var\(--[\w-]+\)/g, (token) => resolveColour(token));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = 1600;
  canvas.height = Math.round((1600 * height) / width);
  const context = canvas.getContext("2d");
  if (!context) return;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
