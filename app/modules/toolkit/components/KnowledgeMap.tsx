import { useEffect, useMemo, useRef, useState } from "react";
import { mapKindLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";

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

const colours = { theme: "#0f172a", initiative: "#b91c1c", person: "#1d4ed8", tag: "#047857" };
const sizes = { theme: 9, initiative: 6, person: 4, tag: 3 };

/**
 * Netwerken in beeld on a canvas: thousands of nodes stay fluid because each frame is one pass
 * over arrays (no DOM per node). Drag to pan, wheel or buttons to zoom, click a node to select
 * it; the selection and its neighbours are also given as a list beside the picture.
 */
export function KnowledgeMap({
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
  const [view, setView] = useState({ x: 0, y: 0, scale: 0 });
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const neighbours = useMemo(() => {
    const set = new Set<string>();
    if (!selectedId) return set;
    for (const link of links) {
      if (link.from === selectedId) set.add(link.to);
      if (link.to === selectedId) set.add(link.from);
    }
    return set;
  }, [links, selectedId]);

  // Fit the whole map the first time.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || view.scale) return;
    const extent = Math.max(200, ...nodes.map((n) => Math.max(Math.abs(n.x), Math.abs(n.y))));
    setView({
      x: 0,
      y: 0,
      scale: (Math.min(canvas.clientWidth, canvas.clientHeight) / 2 - 20) / extent,
    });
  }, [nodes, view.scale]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context || !view.scale) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = canvas.clientWidth * ratio;
    canvas.height = canvas.clientHeight * ratio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const cx = canvas.clientWidth / 2;
    const cy = canvas.clientHeight / 2;
    const sx = (x: number) => cx + (x - view.x) * view.scale;
    const sy = (y: number) => cy + (y - view.y) * view.scale;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    context.lineWidth = 1;
    context.strokeStyle = selectedId ? "rgba(100,116,139,0.08)" : "rgba(100,116,139,0.18)";
    context.beginPath();
    for (const link of links) {
      const a = byId.get(link.from);
      const b = byId.get(link.to);
      if (!a || !b) continue;
      context.moveTo(sx(a.x), sy(a.y));
      context.lineTo(sx(b.x), sy(b.y));
    }
    context.stroke();
    if (selectedId) {
      const s = byId.get(selectedId);
      context.strokeStyle = "rgba(180,83,9,0.9)";
      context.lineWidth = 2;
      context.beginPath();
      for (const id of neighbours) {
        const n = byId.get(id);
        if (!s || !n) continue;
        context.moveTo(sx(s.x), sy(s.y));
        context.lineTo(sx(n.x), sy(n.y));
      }
      context.stroke();
    }
    for (const node of nodes) {
      const dim = selectedId && node.id !== selectedId && !neighbours.has(node.id);
      context.fillStyle = dim ? "#cbd5e1" : colours[node.kind];
      const r = Math.max(2, sizes[node.kind] * Math.min(2, view.scale * 1.5));
      context.beginPath();
      context.arc(sx(node.x), sy(node.y), node.id === selectedId ? r + 4 : r, 0, Math.PI * 2);
      context.fill();
    }
    // labels only where there is room: themes always, others when zoomed in or selected
    context.fillStyle = "#0f172a";
    context.font = "12px system-ui, sans-serif";
    for (const node of nodes) {
      const show =
        node.kind === "theme" ||
        view.scale > 1.2 ||
        node.id === selectedId ||
        neighbours.has(node.id);
      if (show) context.fillText(node.label, sx(node.x) + 8, sy(node.y) + 4);
    }
    performance.mark("kennisnetwerk-getekend");
  }, [nodes, links, byId, view, selectedId, neighbours]);

  const pick = (clientX: number, clientY: number) => {
    const canvas = canvasRef.current;
    if (!canvas) return null;
    const rect = canvas.getBoundingClientRect();
    const x = (clientX - rect.left - rect.width / 2) / view.scale + view.x;
    const y = (clientY - rect.top - rect.height / 2) / view.scale + view.y;
    let best: MapNodeView | null = null;
    let bestDistance = (10 / view.scale) ** 2;
    for (const node of nodes) {
      const d = (node.x - x) ** 2 + (node.y - y) ** 2;
      if (d < bestDistance) {
        best = node;
        bestDistance = d;
      }
    }
    return best;
  };
  const zoom = (factor: number) =>
    setView((v) => ({ ...v, scale: Math.min(20, Math.max(0.02, v.scale * factor)) }));

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => zoom(1.4)}
        >
          {t("analysis.zoomIn")}
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => zoom(1 / 1.4)}
        >
          {t("analysis.zoomOut")}
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-400 px-3 py-1"
          onClick={() => setView({ x: 0, y: 0, scale: 0 })}
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
          drag.current = { x: event.clientX, y: event.clientY, moved: true };
          setView((v) => ({ ...v, x: v.x - dx / v.scale, y: v.y - dy / v.scale }));
        }}
        onPointerUp={(event) => {
          if (drag.current && !drag.current.moved)
            onSelect(pick(event.clientX, event.clientY)?.id ?? null);
          drag.current = null;
        }}
        onWheel={(event) => zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15)}
      />
      <ul className="flex flex-wrap gap-3 text-sm" aria-label={t("analysis.legend")}>
        {(["theme", "initiative", "person", "tag"] as const).map((kind) => (
          <li key={kind} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-full"
              style={{ background: colours[kind] }}
            />
            {t(mapKindLabel[kind])}
          </li>
        ))}
      </ul>
    </div>
  );
}
