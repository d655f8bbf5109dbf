import { describe, expect, it } from 'vitest';
import { RESULT_KINDS } from './particleRoutes';
import { PARTICLE_SHAPES, RESULT_COLOR, svgPoints, type ParticleShape } from './particleShapes';

/** The farthest any point of a shape reaches from its centre, on either axis. */
function reach(s: ParticleShape): number {
  if (s.kind === 'circle') return s.r;
  if (s.kind === 'rect') return Math.max(-s.x, -s.y, s.x + s.size, s.y + s.size);
  return Math.max(...s.points.map(Math.abs));
}

describe('particle shapes', () => {
  it('gives every result its own shape and its own colour, so neither alone carries the meaning', () => {
    const shapes = RESULT_KINDS.map((k) => JSON.stringify(PARTICLE_SHAPES[k]));
    expect(new Set(shapes).size).toBe(RESULT_KINDS.length);
    expect(new Set(RESULT_KINDS.map((k) => RESULT_COLOR[k])).size).toBe(RESULT_KINDS.length);
    expect(PARTICLE_SHAPES.hit.kind).toBe('circle');
    expect(PARTICLE_SHAPES.miss.kind).toBe('rect');
  });

  it('keeps every shape, with its 1.5 outline, inside the legend swatch (-9..9)', () => {
    for (const k of RESULT_KINDS) expect(reach(PARTICLE_SHAPES[k]) + 0.75).toBeLessThanOrEqual(9);
  });

  it('writes polygon points as SVG expects', () => {
    expect(svgPoints([0, -7.5, 7, 5.5, -7, 5.5])).toBe('0,-7.5 7,5.5 -7,5.5');
    expect(
      svgPoints(PARTICLE_SHAPES.refreshHit.kind === 'polygon' ? PARTICLE_SHAPES.refreshHit.points : []),
    ).toBe('0,-7.5 7.5,0 0,7.5 -7.5,0');
  });
});
