// The legend's swatches: each result's shape and colour (particleShapes.ts), the same the
// particles' canvas draws, so the legend reads as the particles do, with or without colour.
import type { ResultKind } from '../../../engine/types';
import { PARTICLE_SHAPES, svgPoints } from './particleShapes';

function Shape({ kind }: { kind: ResultKind }) {
  const s = PARTICLE_SHAPES[kind];
  if (s.kind === 'circle') return <circle r={s.r} />;
  if (s.kind === 'rect') return <rect x={s.x} y={s.y} width={s.size} height={s.size} />;
  return <polygon points={svgPoints(s.points)} />;
}

/** A legend swatch: the same shape and colour as the particles. */
export function ParticleSwatch({ kind }: { kind: ResultKind }) {
  return (
    <svg
      className={`particle-swatch particle--${kind}`}
      viewBox="-9 -9 18 18"
      width="14"
      height="14"
      aria-hidden="true"
    >
      <Shape kind={kind} />
    </svg>
  );
}
