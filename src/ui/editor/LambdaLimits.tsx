// Lambda@Edge quotas beside the editor, for the trigger sides the function sits on (both when it
// is not attached yet): code package, memory, timeout and generated-response size (spec §9.3).
// EdgeLab runs one uncompressed file, so the package figure compares the code's own size.
import { memo, useMemo } from 'react';
import {
  formatBytes,
  LAMBDA_EDGE_LIMITS,
  LAMBDA_EDGE_PACKAGE_LIMITS,
  lambdaSide,
} from '../../engine/functions/limits';
import type { LambdaEventType } from '../../engine/scenario';

const utf8 = new TextEncoder();

function LambdaLimits({ code, events }: { code: string; events: readonly LambdaEventType[] }) {
  const bytes = useMemo(() => utf8.encode(code).length, [code]);
  const sides = events.length ? [...new Set(events.map(lambdaSide))] : (['viewer', 'origin'] as const);
  return (
    <span className="size-counter" data-testid="lambda-limits">
      Code {formatBytes(bytes)} ·{' '}
      {sides
        .map((side) => {
          const p = LAMBDA_EDGE_PACKAGE_LIMITS[side];
          const l = LAMBDA_EDGE_LIMITS[side];
          const over = bytes > p.maxPackageBytes ? ' (code over the package limit)' : '';
          return `${side} triggers: package ≤ ${formatBytes(p.maxPackageBytes)} compressed${over}, memory ${p.maxMemoryMb === 128 ? '128 MB' : `up to ${p.maxMemoryMb.toLocaleString('en-US')} MB`}, timeout ${l.timeoutMs / 1000} s, generated response ≤ ${formatBytes(l.maxResponseBytes)}`;
        })
        .join(' · ')}
    </span>
  );
}

export default memo(LambdaLimits);
