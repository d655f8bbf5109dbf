// An invalidation, seen: when the timeline gains an invalidation event, a ring grows from the
// distribution and every cache's outline pulses in the order the invalidation reaches it (Origin
// Shield, regional edge caches, edge locations), while the badges show the hit ratio dropping as
// the worker's counters come in. React renders only when an invalidation starts and ends.
import { memo, useEffect, useRef, useState } from 'react';
import { Panel, useReactFlow, ViewportPortal } from '@xyflow/react';
import { useAppStore } from '../../../state/store';
import type { TimelineEvent } from '../../../worker/client';
import { DISTRIBUTION_ID, type CanvasNode } from '../buildGraph';

/** Real ms the wave stays on screen. */
export const WAVE_MS = 4000;
/** Delay between the tiers' pulses (real ms): shield, then RECs, then PoPs. */
const TIER_DELAY_MS = 500;
const TIER_ORDER: Record<string, number> = { shield: 0, rec: 1, pop: 2 };

interface Pulse {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  delayMs: number;
}

interface Wave {
  event: TimelineEvent;
  ring: { cx: number; cy: number; r: number } | null;
  pulses: Pulse[];
}

const latestInvalidation = (timeline: readonly TimelineEvent[]): TimelineEvent | null => {
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i].kind === 'invalidation') return timeline[i];
  return null;
};

function InvalidationWave() {
  const flow = useReactFlow<CanvasNode>();
  const latest = useAppStore((s) => latestInvalidation(s.timeline));
  // The invalidation already on the timeline when the canvas mounted is history, not news.
  const seen = useRef<string | null>(latest?.id ?? null);
  const [wave, setWave] = useState<Wave | null>(null);

  useEffect(() => {
    if (!latest || latest.id === seen.current) return;
    seen.current = latest.id;
    const pulses: Pulse[] = [];
    for (const n of flow.getNodes()) {
      const order = TIER_ORDER[n.type ?? ''];
      const internal = flow.getInternalNode(n.id);
      if (order === undefined || !internal?.measured.width || !internal.measured.height) continue;
      const p = internal.internals.positionAbsolute;
      pulses.push({
        id: n.id,
        x: p.x - 4,
        y: p.y - 4,
        width: internal.measured.width + 8,
        height: internal.measured.height + 8,
        delayMs: order * TIER_DELAY_MS,
      });
    }
    const d = flow.getInternalNode(DISTRIBUTION_ID);
    let ring: Wave['ring'] = null;
    if (d?.measured.width && d.measured.height) {
      const cx = d.internals.positionAbsolute.x + d.measured.width / 2;
      const cy = d.internals.positionAbsolute.y + d.measured.height / 2;
      const r = Math.max(200, ...pulses.map((q) => Math.hypot(q.x - cx, q.y - cy)));
      ring = { cx, cy, r };
    }
    setWave({ event: latest, ring, pulses });
    const timer = setTimeout(() => setWave(null), WAVE_MS);
    return () => clearTimeout(timer);
  }, [latest, flow]);

  if (!wave) return null;
  return (
    <>
      <ViewportPortal>
        <svg
          className="particle-layer"
          aria-hidden="true"
          width="1"
          height="1"
          data-testid="invalidation-wave"
        >
          {wave.ring && (
            <circle className="invalidation-ring" cx={wave.ring.cx} cy={wave.ring.cy} r={wave.ring.r} />
          )}
          {wave.pulses.map((p) => (
            <rect
              key={p.id}
              className="invalidation-pulse"
              x={p.x}
              y={p.y}
              width={p.width}
              height={p.height}
              rx="8"
              style={{ animationDelay: `${p.delayMs}ms` }}
            />
          ))}
        </svg>
      </ViewportPortal>
      <Panel position="top-center" className="invalidation-banner" role="status">
        Invalidation travelling to every cache: {wave.event.label}
      </Panel>
    </>
  );
}

export default memo(InvalidationWave);
