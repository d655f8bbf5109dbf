// Event markers on a chart's simulated-time axis: one labelled vertical line per timeline event.
// Recharts only accepts its own elements as direct children, so this is a function, not a component.
import { ReferenceLine } from 'recharts';
import type { TimelineEvent } from '../../worker/client';

export const EVENT_MARKER_COLOR = '#8250df';

/** Short marker text: the kind of event only; the timeline beside the charts has the full label. */
const SHORT: Record<string, string> = {
  spike: 'spike',
  ddos: 'DDoS',
  deploy: 'deploy',
  invalidation: 'invalidation',
  'origin-outage': 'origin outage',
  'origin-slowdown': 'slowdown',
  'pop-outage': 'PoP outage',
};

export function eventMarkers(events: readonly TimelineEvent[], yAxisId?: string) {
  return events.map((e) => (
    <ReferenceLine
      key={e.id}
      x={e.atMs / 1000}
      yAxisId={yAxisId}
      stroke={EVENT_MARKER_COLOR}
      strokeDasharray="4 2"
      ifOverflow="extendDomain"
      label={{
        value: SHORT[e.kind] ?? e.kind,
        position: 'insideTopLeft',
        fontSize: 10,
        fill: EVENT_MARKER_COLOR,
      }}
    />
  ));
}
