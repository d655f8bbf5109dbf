// Requests moving through the topology: one <canvas> over React Flow's pane on which
// ParticleSystem draws a fixed pool of particles through the viewport's pan and zoom, the failover
// flashes (an SVG layer inside the viewport: rare), and the legend with a live sentence ("12
// requests shown: 9 Hit, 3 Miss") for screen readers and tests. React renders this once; batches
// and frames reach the screen without a React update.
import { memo, useEffect, useRef, type RefObject } from 'react';
import { Panel, useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useAppStore } from '../../../state/store';
import { formatPercent } from '../../format';
import type { CanvasNode } from '../buildGraph';
import { useTheme } from '../theme';
import type { Box } from './edgeGeometry';
import { RESULT_KINDS, RESULT_LABEL, type RouteContext } from './particleRoutes';
import { MAX_PARTICLES, ParticleSystem } from './particleSystem';
import { ParticleSwatch } from './ParticleSymbols';
import './particles.css';

/** Failed-primary flashes that may overlap. */
const FLASHES = 6;
const FLASH_SLOTS = Array.from({ length: FLASHES }, (_, i) => i);

function ParticleLayer({
  ctx,
  systemRef,
}: {
  ctx: RouteContext;
  systemRef: RefObject<ParticleSystem | null>;
}) {
  const flow = useReactFlow<CanvasNode>();
  const flowStore = useStoreApi<CanvasNode>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const flashGroup = useRef<SVGGElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  const hitNow = useRef<HTMLElement>(null);
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  useEffect(() => {
    const flashes = [...(flashGroup.current?.querySelectorAll('path') ?? [])];
    const viewport = () => {
      const [x, y, zoom] = flowStore.getState().transform;
      return { x, y, zoom };
    };
    const el = canvas.current;
    const system = new ParticleSystem({ canvas: el, viewport, flashes, summary: summary.current });
    systemRef.current = system;
    // Paused, the particles stay put: where they are on screen is written on the canvas, for
    // assistive tools and tests (a running animation writes nothing to the DOM).
    const writePoints = () => {
      if (!el) return;
      if (useAppStore.getState().status === 'running') delete el.dataset.points;
      else
        el.dataset.points = system
          .drawnPoints()
          .map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)
          .join(' ');
    };
    const resize = new ResizeObserver(() => {
      if (el) system.setSize(el.clientWidth, el.clientHeight, devicePixelRatio || 1);
      writePoints();
    });
    if (el) resize.observe(el);
    // A pan or zoom moves the particles with the graph (while running, the next frame does).
    const unwatchViewport = flowStore.subscribe((s, prev) => {
      if (s.transform !== prev.transform && useAppStore.getState().status !== 'running') {
        system.draw();
        writePoints();
      }
    });
    const unwatchTheme = useTheme.subscribe(() => system.readColors());
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
        writePoints();
      }
      if (s.loadId !== prev.loadId && s.recentSamples.length === 0) {
        system.clear();
        writePoints();
      }
      if (s.recentSamples !== prev.recentSamples && s.status === 'running')
        system.spawn(s.recentSamples, ctxRef.current, box, now);
      if (s.lastHitRatio !== prev.lastHitRatio && hitNow.current)
        hitNow.current.textContent = formatPercent(s.lastHitRatio);
    });
    return () => {
      unsubscribe();
      unwatchViewport();
      unwatchTheme();
      resize.disconnect();
      system.dispose();
      systemRef.current = null;
    };
  }, [flow, flowStore, systemRef]);

  return (
    <>
      <ViewportPortal>
        <svg className="particle-layer" aria-hidden="true" width="1" height="1">
          <g ref={flashGroup}>
            {FLASH_SLOTS.map((i) => (
              <path key={i} className="failover-flash" />
            ))}
          </g>
        </svg>
      </ViewportPortal>
      <canvas ref={canvas} className="particle-canvas" data-testid="particle-canvas" aria-hidden="true" />
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
