import { type KeyboardEvent, type PointerEvent, useRef, useState } from "react";
import { analysisKindLabel, labelFor, positionLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";

export interface PictureItem {
  id: string;
  kind: "ingredient" | "schakel";
  label: string;
  position: string | null;
  linkedTo: string[];
  x: number | null;
  y: number | null;
}

const positionColours: Record<string, string> = {
  i: "#b91c1c",
  p: "#c2410c",
  s: "#1d4ed8",
  l: "#047857",
  g: "#7e22ce",
  none: "#475569",
};

/** Where a node stands when nobody has dragged it: schakels around the centre, ingredients at the rim. */
function defaultPlace(items: PictureItem[], item: PictureItem) {
  const ring = items.filter((i) => i.kind === item.kind);
  const index = ring.indexOf(item);
  const angle = (index / Math.max(1, ring.length)) * 2 * Math.PI - Math.PI / 2;
  const radius = item.kind === "schakel" ? 170 : 320;
  return { x: Math.round(Math.cos(angle) * radius), y: Math.round(Math.sin(angle) * radius) };
}

/**
 * Figure 7.1: the initiative in the centre, schakels around it, ingredients at the rim, colours
 * per position. Drag a node (or focus it and use the arrow keys) to move it for everyone; zoom
 * with the buttons; Enter or a click opens it for editing.
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
  const [zoom, setZoom] = useState(1);
  const [dragging, setDragging] = useState<{ id: string; x: number; y: number } | null>(null);
  const moved = useRef(false);
  const place = (item: PictureItem) =>
    dragging?.id === item.id
      ? { x: dragging.x, y: dragging.y }
      : item.x !== null && item.y !== null
        ? { x: item.x, y: item.y }
        : defaultPlace(items, item);
  const half = 420 / zoom;
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
  const placeOf = new Map(items.map((item) => [item.id, place(item)]));
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => setZoom((z) => Math.min(4, z * 1.25))}
        >
          {t("analysis.zoomIn")}
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => setZoom((z) => Math.max(0.5, z / 1.25))}
        >
          {t("analysis.zoomOut")}
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => setZoom(1)}
        >
          {t("analysis.zoomReset")}
        </button>
      </div>
      <svg
        ref={svgRef}
        viewBox={`${-half} ${-half} ${half * 2} ${half * 2}`}
        className="h-auto w-full max-w-3xl touch-none rounded-md border border-slate-300 bg-white"
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
        <rect x={-half} y={-half} width={half * 2} height={half * 2} fill="#ffffff" />
        {items
          .filter((item) => item.kind === "schakel")
          .flatMap((schakel) => {
            const from = placeOf.get(schakel.id) ?? { x: 0, y: 0 };
            return [
              <line
                key={`${schakel.id}-c`}
                x1={0}
                y1={0}
                x2={from.x}
                y2={from.y}
                stroke="#94a3b8"
                strokeWidth="2"
              />,
              ...schakel.linkedTo.map((id) => {
                const to = placeOf.get(id);
                return to ? (
                  <line
                    key={`${schakel.id}-${id}`}
                    x1={from.x}
                    y1={from.y}
                    x2={to.x}
                    y2={to.y}
                    stroke="#cbd5e1"
                    strokeWidth="2"
                  />
                ) : null;
              }),
            ];
          })}
        <circle cx={0} cy={0} r={62} fill="#0f172a" />
        <text x={0} y={5} textAnchor="middle" fontSize="14" fill="#ffffff" fontWeight="bold">
          {centre.length > 22 ? `${centre.slice(0, 21)}…` : centre}
        </text>
        {items.map((item) => {
          const at = placeOf.get(item.id) ?? { x: 0, y: 0 };
          const colour = positionColours[item.position ?? "none"];
          const selected = item.id === selectedId;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>
            <g
              key={item.id}
              role="button"
              tabIndex={0}
              aria-label={t("analysis.nodeLabel", {
                kind: t(analysisKindLabel[item.kind]),
                label: item.label,
                position: item.position
                  ? t(labelFor(positionLabel, item.position))
                  : t("analysis.noPosition"),
              })}
              aria-pressed={selected}
              transform={`translate(${at.x} ${at.y})`}
              className="cursor-grab focus:outline-none"
              onPointerDown={(event) => {
                event.preventDefault();
                moved.current = false;
                setDragging({ id: item.id, ...at });
              }}
              onKeyDown={(event) => keyMove(event, item)}
            >
              {item.kind === "schakel" ? (
                <circle
                  r={selected ? 30 : 26}
                  fill={colour}
                  stroke={selected ? "#0f172a" : "#ffffff"}
                  strokeWidth={selected ? 4 : 2}
                />
              ) : (
                <rect
                  x={-22}
                  y={-16}
                  width={44}
                  height={32}
                  rx={6}
                  fill="#f1f5f9"
                  stroke={selected ? "#0f172a" : colour}
                  strokeWidth={selected ? 4 : 2}
                />
              )}
              <text
                y={item.kind === "schakel" ? 44 : 34}
                textAnchor="middle"
                fontSize="13"
                fill="#0f172a"
              >
                {item.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-3 text-sm" aria-label={t("analysis.legend")}>
        {(["i", "p", "s", "l", "g"] as const).map((p) => (
          <li key={p} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-full"
              style={{ background: positionColours[p] }}
            />
            {p} = {t(positionLabel[p])}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Draws the picture onto a canvas and downloads it as PNG (nothing leaves the browser). */
export async function downloadPng(svg: SVGSVGElement, fileName: string) {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const [, , width = 840, height = 840] = (clone.getAttribute("viewBox") ?? "")
    .split(" ")
    .map(Number);
  clone.setAttribute("width", "1600");
  clone.setAttribute("height", String(Math.round((1600 * height) / width)));
  const source = new XMLSerializer().serializeToString(clone);
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
