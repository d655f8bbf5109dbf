// What survives when an edited scenario is applied mid-run (api.reload): the new engine starts
// with empty counters, so the totals the UI already shows are kept as a baseline and added to
// whatever the new engine counts. Time is carried by advancing the new engine's clock.
import type { ScheduledEvent } from '../engine/scenario';
import type { CostBreakdown, Stats } from '../engine/types';

function addRecords(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const k in b) out[k] = (out[k] ?? 0) + b[k];
  return out;
}

/** Counter-by-counter sum of two cumulative Stats (every field, including optional ones). */
export function addStats(a: Stats, b: Stats): Stats {
  const out: Stats = {
    requests: a.requests + b.requests,
    hits: a.hits + b.hits,
    misses: a.misses + b.misses,
    refreshHits: a.refreshHits + b.refreshHits,
    errors: a.errors + b.errors,
    generated: a.generated + b.generated,
    originRequests: addRecords(a.originRequests, b.originRequests),
    functionInvocations: addRecords(a.functionInvocations, b.functionInvocations),
    bytesToViewers: a.bytesToViewers + b.bytesToViewers,
    bytesFromOrigins: a.bytesFromOrigins + b.bytesFromOrigins,
  };
  if (a.originRequestsByBehavior || b.originRequestsByBehavior)
    out.originRequestsByBehavior = addRecords(
      a.originRequestsByBehavior ?? {},
      b.originRequestsByBehavior ?? {},
    );
  return out;
}

/**
 * Item-by-item sum of two cost breakdowns. Simplification: each engine applies the free tier to
 * its own usage, so a run edited mid-way may count the free allowance once per applied edit.
 */
export function addCost(a: CostBreakdown, b: CostBreakdown): CostBreakdown {
  const out = addRecords(a, b);
  return { ...out, total: a.total + b.total };
}

/**
 * The one-click events still in progress at `nowMs`, restarted at `nowMs` for what remains of
 * them, so an outage or spike the user started keeps going in the rebuilt engine. Instant events
 * (deploy, invalidation) already acted on caches the rebuild drops, so they are not replayed.
 */
export function ongoingEvents(events: readonly ScheduledEvent[], nowMs: number): ScheduledEvent[] {
  const out: ScheduledEvent[] = [];
  for (const e of events) {
    if (e.kind === 'invalidation' || e.kind === 'deploy' || e.durationMs === undefined) continue;
    const end = e.atMs + e.durationMs;
    if (end <= nowMs) continue;
    const atMs = Math.max(e.atMs, nowMs);
    out.push({ ...e, atMs, durationMs: end - atMs });
  }
  return out;
}

/**
 * The scenario to rebuild from at `nowMs`: its own invalidations that already ran are dropped
 * (the previous engine applied and billed them; replaying them would bill them twice).
 */
export function eventsAfter(events: readonly ScheduledEvent[] | undefined, nowMs: number): ScheduledEvent[] {
  return (events ?? []).filter((e) => e.kind !== 'invalidation' || e.atMs > nowMs);
}
