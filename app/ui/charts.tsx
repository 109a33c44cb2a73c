import { useId } from "react";

/** The chart tokens of app/app.css: the same palette as the network pictures. */
const series = "var(--color-chart-1)";
const targetColour = "var(--color-chart-2)";
const axis = "var(--color-chart-muted)";

/**
 * A cumulative line over a period with a target line, drawn as SVG. The numbers are always
 * given beside it as a table, so the chart is never the only way to read them.
 */
export function CumulativeChart({
  title,
  start,
  end,
  target,
  points,
  formatDay,
  valueLabel,
  itemLabel,
}: {
  title: string;
  start: string;
  end: string;
  target: number;
  points: { date: string; value: number; label: string }[];
  formatDay: (day: string) => string;
  valueLabel: string;
  itemLabel: string;
}) {
  const width = 640;
  const height = 220;
  const pad = { left: 40, right: 16, top: 16, bottom: 28 };
  const t0 = Date.parse(start);
  const t1 = Math.max(Date.parse(end), t0 + 1);
  const titleId = useId();
  const max = Math.max(target, ...points.map((p) => p.value)) * 1.1;
  const x = (day: string) =>
    pad.left +
    ((Math.min(Math.max(Date.parse(day), t0), t1) - t0) / (t1 - t0)) *
      (width - pad.left - pad.right);
  const y = (value: number) =>
    height - pad.bottom - (value / max) * (height - pad.top - pad.bottom);
  let path = `M ${x(start)} ${y(0)}`;
  for (const point of points) path += ` H ${x(point.date)} V ${y(point.value)}`;
  path += ` H ${x(end)}`;
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-2xl"
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{title}</title>
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(target)}
          y2={y(target)}
          style={{ stroke: targetColour }}
          strokeDasharray="6 4"
          strokeWidth="2"
        />
        <text
          x={width - pad.right}
          y={y(target) - 6}
          textAnchor="end"
          fontSize="12"
          style={{ fill: "var(--color-signal-600)" }}
        >
          {target}
        </text>
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} style={{ stroke: axis }} />
        <path d={path} fill="none" style={{ stroke: series }} strokeWidth="3" />
        {points.map((point) => (
          <circle
            key={`${point.date}-${point.label}`}
            cx={x(point.date)}
            cy={y(point.value)}
            r="4"
            style={{ fill: series }}
          />
        ))}
        <text x={pad.left} y={height - 8} fontSize="12" fill="#334155">
          {formatDay(start)}
        </text>
        <text x={width - pad.right} y={height - 8} fontSize="12" fill="#334155" textAnchor="end">
          {formatDay(end)}
        </text>
      </svg>
      <figcaption className="sr-only">{title}</figcaption>
      {points.length ? (
        <table className="w-full max-w-2xl text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-1">
                {itemLabel}
              </th>
              <th scope="col" className="p-1">
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={`${point.date}-${point.label}`} className="border-t border-slate-200">
                <td className="p-1">
                  {formatDay(point.date)} · {point.label}
                </td>
                <td className="p-1">{point.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}

/** A horizontal bar with its number: for shares of a whole. */
export function Bar({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <div className="grid grid-cols-[minmax(8rem,14rem)_1fr_3rem] items-center gap-2 text-sm">
      <span>{label}</span>
      <span className="h-3 rounded bg-slate-200" aria-hidden="true">
        <span
          className="block h-3 rounded bg-chart-1"
          style={{ width: `${Math.min(100, (value / Math.max(1, max)) * 100)}%` }}
        />
      </span>
      <span className="text-right font-medium">{value}</span>
    </div>
  );
}

/** Vertical bars per period with an optional target line; the numbers sit on the bars. */
export function BarChart({
  title,
  bars,
  target,
  targetLabel,
}: {
  title: string;
  bars: { label: string; value: number }[];
  target?: number;
  targetLabel?: string;
}) {
  const width = 640;
  const height = 200;
  const pad = { left: 8, right: 8, top: 20, bottom: 28 };
  const max = Math.max(1, target ?? 0, ...bars.map((b) => b.value)) * 1.15;
  const slot = (width - pad.left - pad.right) / Math.max(1, bars.length);
  const y = (value: number) =>
    height - pad.bottom - (value / max) * (height - pad.top - pad.bottom);
  const id = useId();
  return (
    <figure className="flex flex-col gap-1">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-2xl"
        role="img"
        aria-labelledby={id}
      >
        <title id={id}>{title}</title>
        {bars.map((bar, i) => (
          <g key={bar.label}>
            <rect
              x={pad.left + i * slot + slot * 0.15}
              y={y(bar.value)}
              width={slot * 0.7}
              height={Math.max(0, y(0) - y(bar.value))}
              style={{ fill: series }}
            />
            <text
              x={pad.left + i * slot + slot / 2}
              y={y(bar.value) - 4}
              textAnchor="middle"
              fontSize="11"
              fill="#0f172a"
            >
              {bar.value}
            </text>
            <text
              x={pad.left + i * slot + slot / 2}
              y={height - 10}
              textAnchor="middle"
              fontSize="11"
              fill="#334155"
            >
              {bar.label}
            </text>
          </g>
        ))}
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} style={{ stroke: axis }} />
        {target !== undefined ? (
          <>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(target)}
              y2={y(target)}
              style={{ stroke: targetColour }}
              strokeDasharray="6 4"
              strokeWidth="2"
            />
            <text
              x={width - pad.right}
              y={y(target) - 6}
              textAnchor="end"
              fontSize="12"
              style={{ fill: "var(--color-signal-600)" }}
            >
              {targetLabel ?? target}
            </text>
          </>
        ) : null}
      </svg>
      <figcaption className="text-sm text-slate-700">{title}</figcaption>
    </figure>
  );
}
