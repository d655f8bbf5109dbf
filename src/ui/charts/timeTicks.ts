// Tick values for the simulated-time axis, computed here rather than by Recharts: round clock
// times (every 30 s, 5 min, 1 h, ...) that stay put while the chart scrolls, so the axis neither
// measures its labels in the DOM on every redraw nor shows two ticks squeezed together at its end.

/** Steps between ticks, simulated seconds: round on a clock face. Past a day, 1-2-5 days onward. */
const CLOCK_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200];
const DAY_S = 86_400;

function stepFor(spanS: number, maxTicks: number): number {
  const wanted = spanS / Math.max(1, maxTicks - 1);
  for (const s of CLOCK_STEPS_S) if (s >= wanted) return s;
  for (let days = 1; ; days *= 10)
    for (const m of [1, 2, 5]) if (days * m * DAY_S >= wanted) return days * m * DAY_S;
}

/** At most `maxTicks` round times (seconds) between `firstS` and `lastS`, inclusive. */
export function timeTicks(firstS: number, lastS: number, maxTicks = 5): number[] {
  if (!(lastS > firstS) || !Number.isFinite(lastS - firstS)) return Number.isFinite(firstS) ? [firstS] : [];
  const step = stepFor(lastS - firstS, maxTicks);
  const ticks: number[] = [];
  for (let t = Math.ceil(firstS / step) * step; t <= lastS; t += step) ticks.push(t);
  return ticks;
}
