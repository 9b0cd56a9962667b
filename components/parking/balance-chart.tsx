"use client";

import { useId } from "react";
import { chartScale, stepPath, type BalancePoint, type ChartBox } from "@/lib/modules/parking/view-models/credits";
import { formatDay, formatDateTime } from "@/lib/modules/parking/view-models/time";
import { useHydrated } from "./use-now";

const BOX: ChartBox = { width: 640, height: 220, padding: { top: 16, right: 20, bottom: 28, left: 40 } };

/**
 * The balance over time as an inline SVG step line: every ledger entry holds
 * until the next one. Pure SVG, coloured by the theme's tokens.
 */
export function BalanceChart({ points }: { points: BalancePoint[] }) {
  const id = useId();
  const hydrated = useHydrated();
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;

  const scale = chartScale(points, BOX);
  const line = stepPath(points, scale);
  const baseline = scale.y(scale.minBalance);
  const area = `${line} V${baseline} H${scale.x(first.at)} Z`;
  const format = (at: number, style: "day" | "datetime") => {
    const iso = new Date(at).toISOString();
    const clock = hydrated ? "local" : "utc";
    return style === "day" ? formatDay(iso, clock) : formatDateTime(iso, clock);
  };
  const balances = points.map((point) => point.balance);
  const description = `From ${first.balance} credits on ${format(first.at, "datetime")} to ${last.balance} now; lowest ${Math.min(...balances)}, highest ${Math.max(...balances)}.`;

  return (
    <svg
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className="h-auto w-full overflow-visible"
      data-testid="balance-chart"
    >
      <title id={`${id}-title`}>Balance over time</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={BOX.padding.left} x2={BOX.width - BOX.padding.right} y1={scale.y(tick)} y2={scale.y(tick)} className="stroke-line" strokeWidth={1} />
            <text x={BOX.padding.left - 8} y={scale.y(tick)} dy="0.32em" textAnchor="end" className="fill-ink-muted text-[10px] tabular-nums">
              {tick}
            </text>
          </g>
        ))}
        <path d={area} className="fill-parking/10" />
        <path d={line} fill="none" className="stroke-parking" strokeWidth={2.5} strokeLinejoin="round" />
        {points.slice(1, -1).map((point, index) => (
          <circle key={`${point.at}-${index}`} cx={scale.x(point.at)} cy={scale.y(point.balance)} r={3} className="fill-surface-raised stroke-parking" strokeWidth={2} />
        ))}
        <circle cx={scale.x(last.at)} cy={scale.y(last.balance)} r={4.5} className="fill-parking" />
        <text x={scale.x(last.at)} y={scale.y(last.balance) - 10} textAnchor="end" className="fill-ink text-[11px] font-semibold tabular-nums">
          {last.balance}
        </text>
        <text x={BOX.padding.left} y={BOX.height - 6} className="fill-ink-muted text-[10px]">
          {format(first.at, "day")}
        </text>
        <text x={BOX.width - BOX.padding.right} y={BOX.height - 6} textAnchor="end" className="fill-ink-muted text-[10px]">
          Now
        </text>
      </g>
    </svg>
  );
}
