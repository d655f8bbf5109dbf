// How a goal's measured value reads: ratios as percentages, rates per second, money in dollars.
import type { AssertionAst } from '../../scenario/assertions';

export function formatMeasured(ast: AssertionAst | null, measured: number | string | null): string {
  if (measured === null) return '–';
  if (typeof measured === 'string') return measured;
  if (!ast || ast.kind === 'request') return String(measured);
  switch (ast.metric) {
    case 'hitRatio':
    case 'offload':
      return `${(measured * 100).toFixed(1)}%`;
    case 'latencyMs':
      return `${measured.toFixed(1)} ms`;
    case 'originRequestsPerSecond':
    case 'requestsPerSecond':
      return `${measured.toFixed(1)} /s`;
    case 'cost':
    case 'costPerMonth':
      return `$${measured.toFixed(2)}`;
    case 'simTime':
      return `${measured.toFixed(0)} s`;
    default:
      return measured.toLocaleString('en-US');
  }
}
