// The curve of a canvas edge, the same cubic Bézier React Flow's default edge draws from the
// source's right handle to the target's left handle (getBezierPath, curvature 0.25), so particles
// ride on the drawn line. Written into a caller's Float32Array: the animation allocates nothing.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** React Flow's default curvature for bezier edges. */
const CURVATURE = 0.25;

/** React Flow's calculateControlOffset. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

/** Floats one hop takes: start, control 1, control 2, end (x, y each). */
export const HOP_FLOATS = 8;

/**
 * Writes the curve source -> target at `out[at..at+8)`; `back` writes it reversed (the particle
 * travels from the target to the source).
 */
export function writeEdgeCurve(source: Box, target: Box, back: boolean, out: Float32Array, at: number): void {
  const sx = source.x + source.width;
  const sy = source.y + source.height / 2;
  const tx = target.x;
  const ty = target.y + target.height / 2;
  const c1x = sx + controlOffset(tx - sx);
  const c2x = tx - controlOffset(tx - sx);
  if (!back) {
    out[at] = sx;
    out[at + 1] = sy;
    out[at + 2] = c1x;
    out[at + 3] = sy;
    out[at + 4] = c2x;
    out[at + 5] = ty;
    out[at + 6] = tx;
    out[at + 7] = ty;
  } else {
    out[at] = tx;
    out[at + 1] = ty;
    out[at + 2] = c2x;
    out[at + 3] = ty;
    out[at + 4] = c1x;
    out[at + 5] = sy;
    out[at + 6] = sx;
    out[at + 7] = sy;
  }
}

/** Point at u (0-1) of the curve at `c[at..]`, into out[0], out[1]. */
export function pointOnCurve(c: Float32Array, at: number, u: number, out: Float32Array): void {
  const v = 1 - u;
  const a = v * v * v;
  const b = 3 * v * v * u;
  const d = 3 * v * u * u;
  const e = u * u * u;
  out[0] = a * c[at] + b * c[at + 2] + d * c[at + 4] + e * c[at + 6];
  out[1] = a * c[at + 1] + b * c[at + 3] + d * c[at + 5] + e * c[at + 7];
}
