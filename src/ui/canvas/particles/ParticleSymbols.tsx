// One shape per result, so the kind reads without colour (colour-blind safe, with the Okabe-Ito
// palette in particles.css): Hit circle, RefreshHit diamond, Miss square, Error cross,
// Generated triangle. Shapes are <symbol>s the particles <use>; the legend draws the same ones.
import type { ResultKind } from '../../../engine/types';

const SHAPES: Record<ResultKind, React.ReactElement> = {
  hit: <circle r="6" />,
  refreshHit: <polygon points="0,-7.5 7.5,0 0,7.5 -7.5,0" />,
  miss: <rect x="-5.5" y="-5.5" width="11" height="11" />,
  error: (
    <polygon points="-7,-3.5 -3.5,-7 0,-3.5 3.5,-7 7,-3.5 3.5,0 7,3.5 3.5,7 0,3.5 -3.5,7 -7,3.5 -3.5,0" />
  ),
  generated: <polygon points="0,-7.5 7,5.5 -7,5.5" />,
};

/** The <defs> every particle refers to (ids are global: mounted once, in the particle layer). */
export default function ParticleSymbols() {
  return (
    <defs>
      {(Object.keys(SHAPES) as ResultKind[]).map((k) => (
        <symbol key={k} id={`particle-${k}`} overflow="visible">
          {SHAPES[k]}
        </symbol>
      ))}
    </defs>
  );
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
      {SHAPES[kind]}
    </svg>
  );
}
