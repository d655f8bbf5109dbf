// Number formatting shared by the counters, badges and chart (one place, so they agree).

const COUNT = new Intl.NumberFormat('en-US');
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 0.8734 -> "87.3%"; null (no cacheable request yet) -> "–". */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '–' : `${(ratio * 100).toFixed(1)}%`;
}

export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** 12_345 -> "12.3K": for badges where space is short. */
export function formatCompact(n: number): string {
  return COMPACT.format(n);
}

/** Simulated time as "hh:mm:ss" (with a day count past 24 h). */
export function formatSimClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const hms = [h, m, s].map((v) => String(v).padStart(2, '0')).join(':');
  return days > 0 ? `${days}d ${hms}` : hms;
}

/** Achieved speed, e.g. "97x" or "0.5x". */
export function formatSpeed(speed: number): string {
  if (speed <= 0) return '–';
  return speed >= 10 ? `${Math.round(speed)}x` : `${speed.toFixed(1)}x`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
