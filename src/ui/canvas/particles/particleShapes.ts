// One shape per result, so the kind reads without colour (colour-blind safe, with the Okabe-Ito
// palette): Hit circle, RefreshHit diamond, Miss square, Error cross, Generated triangle. The
// geometry lives here once: the legend's SVG swatches and the particles' <canvas> draw the same.
import type { ResultKind } from '../../../engine/types';

export type ParticleShape =
  | { kind: 'circle'; r: number }
  | { kind: 'rect'; x: number; y: number; size: number }
  | { kind: 'polygon'; points: readonly number[] };

export const PARTICLE_SHAPES: Readonly<Record<ResultKind, ParticleShape>> = {
  hit: { kind: 'circle', r: 6 },
  refreshHit: { kind: 'polygon', points: [0, -7.5, 7.5, 0, 0, 7.5, -7.5, 0] },
  miss: { kind: 'rect', x: -5.5, y: -5.5, size: 11 },
  error: {
    kind: 'polygon',
    points: [
      -7, -3.5, -3.5, -7, 0, -3.5, 3.5, -7, 7, -3.5, 3.5, 0, 7, 3.5, 3.5, 7, 0, 3.5, -3.5, 7, -7, 3.5, -3.5,
      0,
    ],
  },
  generated: { kind: 'polygon', points: [0, -7.5, 7, 5.5, -7, 5.5] },
};

/**
 * Result colours (Okabe & Ito, "Color Universal Design", 2008), the fallbacks of the
 * --result-* CSS variables particles.css also uses for the legend.
 */
export const RESULT_COLOR: Readonly<Record<ResultKind, string>> = {
  hit: '#009e73',
  refreshHit: '#56b4e9',
  miss: '#e69f00',
  error: '#d55e00',
  generated: '#cc79a7',
};

/** The CSS variable of a result's colour (a theme may set it). */
export const RESULT_COLOR_VAR: Readonly<Record<ResultKind, string>> = {
  hit: '--result-hit',
  refreshHit: '--result-refresh-hit',
  miss: '--result-miss',
  error: '--result-error',
  generated: '--result-generated',
};

/** The SVG `points` attribute of a polygon. */
export function svgPoints(points: readonly number[]): string {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) pairs.push(`${points[i]},${points[i + 1]}`);
  return pairs.join(' ');
}

/** The outline of a shape as a path a canvas can fill and stroke (centred on 0,0, legend units). */
export function shapePath(shape: ParticleShape, path: Path2D): Path2D {
  if (shape.kind === 'circle') path.arc(0, 0, shape.r, 0, Math.PI * 2);
  else if (shape.kind === 'rect') path.rect(shape.x, shape.y, shape.size, shape.size);
  else {
    path.moveTo(shape.points[0], shape.points[1]);
    for (let i = 2; i + 1 < shape.points.length; i += 2) path.lineTo(shape.points[i], shape.points[i + 1]);
    path.closePath();
  }
  return path;
}
