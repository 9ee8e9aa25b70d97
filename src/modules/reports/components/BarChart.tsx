import { formatMoney } from "@/ui";

export type BarSeries = { name: string; colorClass: string; values: number[] };

/**
 * A server-rendered bar chart (SVG): labelled axes, grouped bars per category, a legend, each bar
 * with its value as a tooltip. Described for assistive tech; the same figures are in the table
 * beside it, so nothing depends on seeing the chart.
 */
export function BarChart({ title, categories, series, height = 240 }: { title: string; categories: string[]; series: BarSeries[]; height?: number }) {
  const all = series.flatMap((s) => s.values);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const step = niceStep(span / 4);
  const top = Math.ceil(max / step) * step;
  const bottom = Math.floor(min / step) * step;
  const range = top - bottom || step;
  const width = 720;
  const left = 72;
  const right = 8;
  const plotTop = 12;
  const plotBottom = height - 36;
  const plotH = plotBottom - plotTop;
  const y = (v: number) => plotTop + ((top - v) / range) * plotH;
  const slot = (width - left - right) / Math.max(1, categories.length);
  const barW = Math.max(4, Math.min(36, (slot * 0.7) / Math.max(1, series.length)));
  const ticks: number[] = [];
  for (let v = bottom; v <= top + 0.5; v += step) ticks.push(v);
  const labelEvery = Math.ceil(categories.length / 9);
  const id = `chart-${title.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
  const summary = series.map((s) => `${s.name}: ${categories.map((c, i) => `${c} ${formatMoney(s.values[i] ?? 0)}`).join(", ")}`).join(". ");

  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} className={v === 0 ? "stroke-neutral-400" : "stroke-neutral-200"} strokeWidth={1} />
            <text x={left - 8} y={y(v) + 4} textAnchor="end" className="fill-neutral-600 text-[11px]">
              {axisMoney(v)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          const x0 = left + i * slot + (slot - barW * series.length) / 2;
          return (
            <g key={c}>
              {series.map((s, k) => {
                const v = s.values[i] ?? 0;
                const y1 = y(Math.max(0, v));
                const h = Math.max(v === 0 ? 0 : 1, Math.abs(y(v) - y(0)));
                return (
                  <rect key={s.name} x={x0 + k * barW} y={y1} width={barW - 2} height={h} rx={2} className={s.colorClass}>
                    <title>{`${s.name}, ${c}: ${formatMoney(v)}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 ? (
                <text x={left + i * slot + slot / 2} y={plotBottom + 18} textAnchor="middle" className="fill-neutral-700 text-[11px]">
                  {c}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-sm text-neutral-700">
        {series.map((s) => (
          <span key={s.name} className="flex items-center gap-2">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" rx="2" className={s.colorClass} />
            </svg>
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function axisMoney(pence: number): string {
  const pounds = Math.round(pence / 100);
  const abs = Math.abs(pounds);
  const text = abs >= 10_000 ? `£${Math.round(abs / 1000).toLocaleString("en-GB")}k` : `£${abs.toLocaleString("en-GB")}`;
  return pounds < 0 ? `−${text}` : text;
}

function niceStep(raw: number): number {
  if (raw <= 0) return 10_000;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const n = raw / pow;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
}
