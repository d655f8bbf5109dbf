// Requests moving through the topology: one SVG layer inside React Flow's viewport (so it pans and
// zooms with the canvas), a fixed pool of particles moved by ParticleSystem, and the legend with a
// live sentence ("12 requests shown: 9 Hit, 3 Miss") for screen readers and tests. React renders
// this once; batches and frames reach the DOM without a React update.
import { memo, useEffect, useRef, type RefObject } from 'react';
import { Panel, useReactFlow, ViewportPortal } from '@xyflow/react';
import { useAppStore } from '../../../state/store';
import { formatPercent } from '../../format';
import type { CanvasNode } from '../buildGraph';
import type { Box } from './edgeGeometry';
import { RESULT_KINDS, RESULT_LABEL, type RouteContext } from './particleRoutes';
import { MAX_PARTICLES, ParticleSystem } from './particleSystem';
import ParticleSymbols, { ParticleSwatch } from './ParticleSymbols';
import './particles.css';

/** Failed-primary flashes that may overlap. */
const FLASHES = 6;
const SLOTS = Array.from({ length: MAX_PARTICLES }, (_, i) => i);
const FLASH_SLOTS = Array.from({ length: FLASHES }, (_, i) => i);

function ParticleLayer({
  ctx,
  systemRef,
}: {
  ctx: RouteContext;
  systemRef: RefObject<ParticleSystem | null>;
}) {
  const flow = useReactFlow<CanvasNode>();
  const group = useRef<SVGGElement>(null);
  const flashGroup = useRef<SVGGElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  const hitNow = useRef<HTMLElement>(null);
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  useEffect(() => {
    const particles = [...(group.current?.querySelectorAll('use') ?? [])];
    const flashes = [...(flashGroup.current?.querySelectorAll('path') ?? [])];
    const system = new ParticleSystem({ particles, flashes, summary: summary.current });
    systemRef.current = system;
    const box = (id: string): Box | null => {
      const n = flow.getInternalNode(id);
      if (!n?.measured.width || !n.measured.height) return null;
      const p = n.internals.positionAbsolute;
      return { x: p.x, y: p.y, width: n.measured.width, height: n.measured.height };
    };
    if (useAppStore.getState().status !== 'running') system.pause(performance.now());
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      const now = performance.now();
      if (s.status !== prev.status) {
        if (s.status === 'running') system.resume(now);
        else system.pause(now);
      }
      if (s.loadId !== prev.loadId && s.recentSamples.length === 0) system.clear();
      if (s.recentSamples !== prev.recentSamples && s.status === 'running')
        system.spawn(s.recentSamples, ctxRef.current, box, now);
      if (s.lastHitRatio !== prev.lastHitRatio && hitNow.current)
        hitNow.current.textContent = formatPercent(s.lastHitRatio);
    });
    return () => {
      unsubscribe();
      system.dispose();
      systemRef.current = null;
    };
  }, [flow, systemRef]);

  return (
    <>
      <ViewportPortal>
        <svg className="particle-layer" aria-hidden="true" width="1" height="1">
          <ParticleSymbols />
          <g ref={flashGroup}>
            {FLASH_SLOTS.map((i) => (
              <path key={i} className="failover-flash" />
            ))}
          </g>
          <g ref={group}>
            {SLOTS.map((i) => (
              <use key={i} href="#particle-hit" visibility="hidden" />
            ))}
          </g>
        </svg>
      </ViewportPortal>
      {/* bottom-left, beside the zoom controls: the top row belongs to the toolbar, which is wide on a laptop screen */}
      <Panel position="bottom-left" className="particle-legend" aria-label="Request legend">
        <ul className="particle-legend__kinds">
          {RESULT_KINDS.map((k) => (
            <li key={k}>
              <ParticleSwatch kind={k} />
              {RESULT_LABEL[k]}
            </li>
          ))}
        </ul>
        <p className="particle-legend__summary" data-testid="particle-summary" ref={summary}>
          No requests shown
        </p>
        <p className="particle-legend__summary">
          Hit ratio, latest batch:{' '}
          <strong data-testid="hit-ratio-now" ref={hitNow}>
            {formatPercent(useAppStore.getState().lastHitRatio)}
          </strong>
        </p>
        <details className="particle-legend__note">
          <summary>About the particles</summary>
          At most {MAX_PARTICLES} sampled requests at a time, a few from each update. A dashed red flash on an
          edge to an origin: the primary failed and the request turned to its group&apos;s secondary (read
          from the origin that answered). Click a particle to see what happened.
        </details>
      </Panel>
    </>
  );
}

export default memo(ParticleLayer);
