// Turns engine.cost() items into what the Cost tab shows: readable labels, the bars in order of
// size, and a monthly projection at the current rate (a projection, labelled as one in the UI).
import { PRICING_REGION_KEYS, PRICING_REGION_NAMES } from '../../engine/cost/pricingRegions';
import type { CostBreakdown } from '../../engine/types';

/** 30 days: the month AWS's pricing examples use. */
export const MONTH_MS = 30 * 24 * 3600 * 1000;

const ITEM_LABELS: Record<string, string> = {
  'requests.http': 'HTTP requests',
  'requests.https': 'HTTPS requests',
  originShield: 'Origin Shield requests',
  dataTransferToOrigin: 'Data transfer to origin',
  'functions.cloudfront': 'CloudFront Functions',
  'functions.lambda': 'Lambda@Edge',
  keyValueStore: 'KeyValueStore reads',
  invalidations: 'Invalidation paths',
};

export function costItemLabel(item: string): string {
  if (item.startsWith('dataTransfer.')) {
    const i = PRICING_REGION_KEYS.indexOf(item.slice('dataTransfer.'.length));
    return `Data transfer out: ${i >= 0 ? PRICING_REGION_NAMES[i] : item.slice(13)}`;
  }
  return ITEM_LABELS[item] ?? item;
}

export interface CostRow {
  item: string;
  label: string;
  usd: number;
  /** share of the largest item, 0-1, for the bar's length */
  share: number;
}

/** Non-zero items, largest first. */
export function costRows(cost: CostBreakdown): CostRow[] {
  const rows: CostRow[] = [];
  for (const item of Object.keys(cost)) {
    if (item === 'total' || !(cost[item] > 0)) continue;
    rows.push({ item, label: costItemLabel(item), usd: cost[item], share: 0 });
  }
  rows.sort((a, b) => b.usd - a.usd || a.item.localeCompare(b.item));
  const max = rows.length > 0 ? rows[0].usd : 0;
  for (const r of rows) r.share = max > 0 ? r.usd / max : 0;
  return rows;
}

/** USD per 30-day month if traffic went on at the rate seen so far; null before any time has run. */
export function monthlyProjection(totalUsd: number, simTimeMs: number): number | null {
  return simTimeMs > 0 ? (totalUsd * MONTH_MS) / simTimeMs : null;
}

/** Dollars with enough digits for the tiny sums a short run costs: $0.000123, $0.0113, $1.23, $12,345.00. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd < 1) return '$' + usd.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  return '$' + usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
