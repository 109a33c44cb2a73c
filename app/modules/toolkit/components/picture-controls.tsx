import { Maximize, ZoomIn, ZoomOut } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { positionLabel } from "#app/i18n/labels.ts";
import { Button } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { positionStyle, positionsInOrder } from "./picture-palette.ts";

/**
 * The width a picture has on the screen, to size its labels for it. The server's HTML assumes a
 * laptop's card; the browser measures and lays out again.
 */
export function useWidth(assumed = 720) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(assumed);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const w = Math.round(element.clientWidth);
      if (w > 0) setWidth((old) => (Math.abs(old - w) > 4 ? w : old));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** Zoom in, out and back to the whole picture; shown once the page runs (they need JavaScript). */
export function ZoomControls({
  zoom,
  onZoom,
  onReset,
}: {
  zoom: number;
  onZoom: (zoom: number) => void;
  onReset: () => void;
}) {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={zoom >= 8}
        onClick={() => onZoom(zoom * 1.5)}
        icon={<ZoomIn aria-hidden="true" className="size-4" />}
      >
        {t("analysis.zoomIn")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={zoom <= 1}
        onClick={() => onZoom(zoom / 1.5)}
        icon={<ZoomOut aria-hidden="true" className="size-4" />}
      >
        {t("analysis.zoomOut")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={zoom === 1}
        onClick={onReset}
        icon={<Maximize aria-hidden="true" className="size-4" />}
      >
        {t("analysis.zoomReset")}
      </Button>
      {zoom > 1 ? <span className="text-sm text-slate-700">{t("analysis.dragHint")}</span> : null}
    </div>
  );
}

/** Says what a node's size means, with a small and a large example. */
export function DegreeLegend() {
  const t = useT();
  return (
    <p className="flex items-center gap-2">
      <svg viewBox="0 0 40 20" className="h-5 w-10" aria-hidden="true">
        <circle cx="6" cy="10" r="3" style={{ fill: "var(--color-chart-muted)" }} />
        <circle cx="28" cy="10" r="8" style={{ fill: "var(--color-chart-muted)" }} />
      </svg>
      {t("analysis.sizeLegend")}
    </p>
  );
}

/**
 * The positions of involvement: colour and, as the second cue, the letter (in the analysis
 * picture) or the line pattern (links in the map).
 */
export function PositionLegend({ lines = false }: { lines?: boolean }) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label={t("analysis.positionsLegend")}>
      {positionsInOrder.map((p) => (
        <li key={p} className="flex items-center gap-1">
          {lines ? (
            <svg viewBox="0 0 28 8" className="h-2 w-7" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2="28"
                y2="4"
                style={{
                  stroke: positionStyle[p].colour,
                  strokeWidth: 2.5,
                  strokeDasharray: positionStyle[p].dash || undefined,
                }}
              />
            </svg>
          ) : (
            <svg viewBox="0 0 20 20" className="size-5" aria-hidden="true">
              <circle cx="10" cy="10" r="10" style={{ fill: positionStyle[p].colour }} />
              <text
                x="10"
                y="14"
                textAnchor="middle"
                style={{ fontSize: 12, fontWeight: 700, fill: "#ffffff" }}
              >
                {p}
              </text>
            </svg>
          )}
          {p} = {t(positionLabel[p])}
        </li>
      ))}
    </ul>
  );
}
