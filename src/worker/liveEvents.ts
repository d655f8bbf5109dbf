// One-click events: what the UI asks for, turned into the engine's ScheduledEvent starting at the
// current simulated time, plus the label the chart marker and the timeline show.
import type { ScheduledEvent } from '../engine/scenario';
import type { TimelineEvent } from './protocol';

/** Sizes of the one-click events (the "traffic spike x5 for 60 s", "origin outage 60 s"). */
export const LIVE_EVENT_DEFAULTS = {
  spikeFactor: 5,
  spikeDurationMs: 60_000,
  /** a DDoS burst: fifty times the region's normal rate (the engine's own ddos default) for 60 s */
  ddosFactor: 50,
  ddosDurationMs: 60_000,
  originOutageMs: 60_000,
  popOutageMs: 60_000,
} as const;

export type LiveEventRequest =
  | { kind: 'spike' }
  | { kind: 'ddos'; region: string }
  | { kind: 'deploy' }
  | { kind: 'invalidation'; paths: string[] }
  | { kind: 'origin-outage'; originId: string }
  | { kind: 'pop-outage'; pop: string };

const seconds = (ms: number) => `${ms / 1000} s`;

/** The engine event and its timeline entry for a request made at simulated time `atMs`. */
export function toScheduledEvent(
  req: LiveEventRequest,
  atMs: number,
  seq: number,
): { event: ScheduledEvent; timeline: TimelineEvent } {
  const id = `live-${seq}`;
  const D = LIVE_EVENT_DEFAULTS;
  let event: ScheduledEvent;
  let label: string;
  switch (req.kind) {
    case 'spike':
      event = { id, kind: 'spike', atMs, factor: D.spikeFactor, durationMs: D.spikeDurationMs };
      label = `Traffic spike x${D.spikeFactor} (${seconds(D.spikeDurationMs)})`;
      break;
    case 'ddos':
      event = {
        id,
        kind: 'ddos',
        atMs,
        factor: D.ddosFactor,
        durationMs: D.ddosDurationMs,
        target: req.region,
      };
      label = `DDoS from ${req.region} x${D.ddosFactor} (${seconds(D.ddosDurationMs)})`;
      break;
    case 'deploy':
      event = { id, kind: 'deploy', atMs };
      label = 'Deploy (new ETags at every origin)';
      break;
    case 'invalidation':
      event = { id, kind: 'invalidation', atMs, paths: req.paths };
      label = `Invalidation ${req.paths.join(' ')}`;
      break;
    case 'origin-outage':
      event = { id, kind: 'origin-outage', atMs, durationMs: D.originOutageMs, target: req.originId };
      label = `Origin outage ${req.originId} (${seconds(D.originOutageMs)})`;
      break;
    case 'pop-outage':
      event = { id, kind: 'pop-outage', atMs, durationMs: D.popOutageMs, target: req.pop };
      label = `PoP outage ${req.pop} (${seconds(D.popOutageMs)})`;
      break;
  }
  return {
    event,
    timeline: { id, kind: event.kind, atMs, durationMs: event.durationMs, label },
  };
}

const KIND_LABELS: Record<ScheduledEvent['kind'], string> = {
  spike: 'Traffic spike',
  ddos: 'DDoS',
  deploy: 'Deploy',
  invalidation: 'Invalidation',
  'origin-outage': 'Origin outage',
  'origin-slowdown': 'Origin slowdown',
  'pop-outage': 'PoP outage',
};

/** A timeline entry for an event planned in the scenario itself. */
export function scenarioTimelineEvent(e: ScheduledEvent): TimelineEvent {
  const target =
    e.target === undefined ? '' : ` ${typeof e.target === 'string' ? e.target : e.target.join(', ')}`;
  const paths = e.paths && e.paths.length > 0 ? ` ${e.paths.join(' ')}` : '';
  const span = e.durationMs !== undefined ? ` (${seconds(e.durationMs)})` : '';
  return {
    id: e.id,
    kind: e.kind,
    atMs: e.atMs,
    durationMs: e.durationMs,
    label: `${KIND_LABELS[e.kind]}${target}${paths}${span} (scenario)`,
  };
}
