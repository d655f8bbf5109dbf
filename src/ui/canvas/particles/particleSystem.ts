// The particles' state and their frame loop, outside React: a fixed pool of particles drawn by
// requestAnimationFrame on one <canvas> over the graph, so a running simulation costs no React
// render and no DOM change per frame. (A pool of SVG <use> elements, moved before, had every frame
// restyle and repaint the whole graph's layer: about a quarter of the main thread at 10,000x.)
// Each worker batch spawns a few particles (a sample of the batch, never a backlog: when the pool
// is full, new samples are simply not drawn). Nothing runs while paused.
import type { ResultKind, SampledRequest } from '../../../engine/types';
import { HOP_FLOATS, pointOnCurve, writeEdgeCurve, type Box } from './edgeGeometry';
import { describeShown, particleRoute, pickEvenly, RESULT_KINDS, type RouteContext } from './particleRoutes';
import { PARTICLE_SHAPES, RESULT_COLOR, RESULT_COLOR_VAR, shapePath } from './particleShapes';

/** Live particles at most: enough to read the mix, few enough to stay cheap. */
export const MAX_PARTICLES = 60;
/** Particles spawned per worker batch (about ten batches a second). */
export const SPAWN_PER_BATCH = 6;
/** Real ms a particle takes along one edge. */
export const HOP_MS = 320;
/** Longest route: out and back through viewer, PoP, REC, shield, failed primary, secondary. */
const MAX_HOPS = 12;
/** Real ms the batch's spawns are spread over, so particles do not move in lockstep. */
const SPREAD_MS = 100;
/** Particles are drawn this much larger than the legend's swatches (flow units). */
const PARTICLE_SCALE = 1.3;
/** Outline width (legend units), as the swatches' stroke. */
const OUTLINE_WIDTH = 1.5;
/** Real ms between drawn frames (about 30 fps): smooth enough, and half the frames' cost. */
const FRAME_MS = 30;
/** A click this close to a particle (screen px) picks it. */
const PICK_RADIUS_PX = 14;

const FLASH_KEYFRAMES: Keyframe[] = [{ opacity: 0 }, { opacity: 1, offset: 0.15 }, { opacity: 0 }];
const FLASH_TIMING: KeyframeAnimationOptions = { duration: 1200, easing: 'ease-out' };

export interface ParticleElements {
  /** the canvas over the graph (its CSS box covers the flow pane) */
  canvas: HTMLCanvasElement | null;
  /** React Flow's viewport: screen x = flow x * zoom + x */
  viewport: () => { x: number; y: number; zoom: number };
  /** pool of paths drawn over an edge to a failed primary origin */
  flashes: SVGPathElement[];
  summary: HTMLElement | null;
}

export class ParticleSystem {
  private readonly active = new Uint8Array(MAX_PARTICLES);
  private readonly start = new Float64Array(MAX_PARTICLES);
  private readonly hops = new Uint8Array(MAX_PARTICLES);
  private readonly curves = new Float32Array(MAX_PARTICLES * MAX_HOPS * HOP_FLOATS);
  /** current position of each particle (flow coordinates), for picking */
  private readonly pos = new Float32Array(MAX_PARTICLES * 2);
  private readonly samples: (SampledRequest | null)[] = new Array<SampledRequest | null>(MAX_PARTICLES).fill(
    null,
  );
  private readonly point = new Float32Array(2);
  private readonly flashCurve = new Float32Array(HOP_FLOATS);
  private readonly counts: Record<ResultKind, number> = {
    hit: 0,
    miss: 0,
    refreshHit: 0,
    error: 0,
    generated: 0,
  };
  /** per particle: 1 once on its way (drawn) */
  private readonly shown = new Uint8Array(MAX_PARTICLES);
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly paths: Record<ResultKind, Path2D>;
  private colors: Record<ResultKind, string> = { ...RESULT_COLOR };
  private outline = '#ffffff';
  /** the canvas's CSS size, kept by setSize (reading it per frame would force a layout) */
  private width = 0;
  private height = 0;
  private dpr = 1;
  private lastDraw = 0;
  private nextFlash = 0;
  private frame = 0;
  private pausedAt: number | null = null;
  private summaryText = '';

  constructor(private readonly el: ParticleElements) {
    this.ctx = el.canvas?.getContext('2d') ?? null;
    const paths = {} as Record<ResultKind, Path2D>;
    for (const k of RESULT_KINDS) paths[k] = shapePath(PARTICLE_SHAPES[k], new Path2D());
    this.paths = paths;
    this.readColors();
  }

  /** Follows the canvas's CSS size (a ResizeObserver calls this) and redraws. */
  setSize(width: number, height: number, dpr: number): void {
    const canvas = this.el.canvas;
    if (!canvas) return;
    this.width = width;
    this.height = height;
    this.dpr = dpr;
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
    this.draw();
  }

  /** Reads the theme's colours (CSS variables do not reach a canvas) and redraws. */
  readColors(): void {
    const canvas = this.el.canvas;
    if (!canvas) return;
    const css = getComputedStyle(canvas);
    for (const k of RESULT_KINDS)
      this.colors[k] = css.getPropertyValue(RESULT_COLOR_VAR[k]).trim() || RESULT_COLOR[k];
    this.outline = css.getPropertyValue('--particle-outline').trim() || '#ffffff';
    this.draw();
  }

  /** Draws the particles where they are (a pan or zoom while paused moves them with the graph). */
  draw(): void {
    const c = this.ctx;
    if (!c) return;
    const { x: tx, y: ty, zoom } = this.el.viewport();
    const dpr = this.dpr;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, this.width * dpr, this.height * dpr);
    const scale = PARTICLE_SCALE * zoom * dpr;
    c.lineWidth = OUTLINE_WIDTH;
    c.strokeStyle = this.outline;
    for (let i = 0; i < MAX_PARTICLES; i++) {
      if (!this.active[i] || !this.shown[i]) continue;
      const s = this.samples[i];
      if (!s) continue;
      c.setTransform(
        scale,
        0,
        0,
        scale,
        (this.pos[i * 2] * zoom + tx) * dpr,
        (this.pos[i * 2 + 1] * zoom + ty) * dpr,
      );
      c.fillStyle = this.colors[s.result];
      c.fill(this.paths[s.result]);
      c.stroke(this.paths[s.result]);
    }
  }

  /** Screen points (CSS px, relative to the canvas) of the particles drawn: what a person sees. */
  drawnPoints(): { x: number; y: number }[] {
    const { x: tx, y: ty, zoom } = this.el.viewport();
    const out: { x: number; y: number }[] = [];
    for (let i = 0; i < MAX_PARTICLES; i++)
      if (this.active[i] && this.shown[i])
        out.push({ x: this.pos[i * 2] * zoom + tx, y: this.pos[i * 2 + 1] * zoom + ty });
    return out;
  }

  /** Spawns particles for a batch's samples; `box` gives a canvas node's box in flow coordinates. */
  spawn(
    batch: readonly SampledRequest[],
    ctx: RouteContext,
    box: (id: string) => Box | null,
    now: number,
  ): void {
    if (this.pausedAt !== null || batch.length === 0) return;
    const picked = pickEvenly(batch, SPAWN_PER_BATCH);
    let slot = 0;
    for (let j = 0; j < picked.length; j++) {
      while (slot < MAX_PARTICLES && this.active[slot]) slot++;
      if (slot === MAX_PARTICLES) break; // full: this sample is not drawn (no backlog)
      const s = picked[j];
      const route = particleRoute(s, ctx);
      if (!route || route.hops.length > MAX_HOPS) continue;
      let ok = true;
      for (let h = 0; h < route.hops.length && ok; h++) {
        const hop = route.hops[h];
        const a = box(hop.from);
        const b = box(hop.to);
        if (!a || !b) ok = false;
        else writeEdgeCurve(a, b, hop.back, this.curves, (slot * MAX_HOPS + h) * HOP_FLOATS);
      }
      if (!ok) continue;
      this.active[slot] = 1;
      this.hops[slot] = route.hops.length;
      this.start[slot] = now + (j * SPREAD_MS) / picked.length;
      this.samples[slot] = s;
      this.counts[s.result]++;
      this.shown[slot] = 0;
      if (route.failedEdge) this.flash(route.failedEdge.from, route.failedEdge.to, box);
    }
    this.writeSummary();
    this.ensureLoop();
  }

  /** Freezes the particles where they are (no frame runs while paused). */
  pause(now: number): void {
    if (this.pausedAt !== null) return;
    this.pausedAt = now;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  resume(now: number): void {
    if (this.pausedAt === null) return;
    const shift = now - this.pausedAt;
    for (let i = 0; i < MAX_PARTICLES; i++) if (this.active[i]) this.start[i] += shift;
    this.pausedAt = null;
    this.ensureLoop();
  }

  /** Removes every particle (a reset or a new scenario). */
  clear(): void {
    for (let i = 0; i < MAX_PARTICLES; i++) if (this.active[i]) this.retire(i);
    this.writeSummary();
    this.draw();
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** The sample of the particle nearest a flow-coordinate point, within the pick radius at `zoom`. */
  pick(x: number, y: number, zoom: number): SampledRequest | null {
    const r = PICK_RADIUS_PX / zoom;
    let best = -1;
    let bestD = r * r;
    for (let i = 0; i < MAX_PARTICLES; i++) {
      if (!this.active[i]) continue;
      const dx = this.pos[i * 2] - x;
      const dy = this.pos[i * 2 + 1] - y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best < 0 ? null : this.samples[best];
  }

  private readonly tick = (now: number): void => {
    this.frame = 0;
    if (now - this.lastDraw < FRAME_MS) {
      this.frame = requestAnimationFrame(this.tick);
      return;
    }
    this.lastDraw = now;
    let live = 0;
    let changed = false;
    for (let i = 0; i < MAX_PARTICLES; i++) {
      if (!this.active[i]) continue;
      const t = (now - this.start[i]) / HOP_MS;
      if (t >= this.hops[i]) {
        this.retire(i);
        changed = true;
        continue;
      }
      live++;
      if (t < 0) continue; // spread start: not yet on its way
      const hop = Math.floor(t);
      pointOnCurve(this.curves, (i * MAX_HOPS + hop) * HOP_FLOATS, t - hop, this.point);
      this.pos[i * 2] = this.point[0];
      this.pos[i * 2 + 1] = this.point[1];
      this.shown[i] = 1;
    }
    this.draw();
    if (changed) this.writeSummary();
    if (live > 0 && this.pausedAt === null) this.frame = requestAnimationFrame(this.tick);
  };

  private ensureLoop(): void {
    if (!this.frame && this.pausedAt === null) this.frame = requestAnimationFrame(this.tick);
  }

  private retire(i: number): void {
    this.active[i] = 0;
    const s = this.samples[i];
    if (s) this.counts[s.result]--;
    this.samples[i] = null;
    this.pos[i * 2] = Number.NaN;
    this.shown[i] = 0;
  }

  /** Draws the edge to a failed primary origin, flashing once (a CSS animation, restarted). */
  private flash(from: string, to: string, box: (id: string) => Box | null): void {
    const path = this.el.flashes[this.nextFlash];
    if (!path) return;
    this.nextFlash = (this.nextFlash + 1) % this.el.flashes.length;
    const a = box(from);
    const b = box(to);
    if (!a || !b) return;
    const c = this.flashCurve;
    writeEdgeCurve(a, b, false, c, 0);
    path.setAttribute('d', `M${c[0]},${c[1]} C${c[2]},${c[3]} ${c[4]},${c[5]} ${c[6]},${c[7]}`);
    // The Web Animations API restarts the flash without forcing a style recalculation.
    path.animate(FLASH_KEYFRAMES, FLASH_TIMING);
  }

  private writeSummary(): void {
    const text = describeShown(this.counts);
    if (text === this.summaryText || !this.el.summary) return;
    this.summaryText = text;
    this.el.summary.textContent = text;
  }
}
