// What one test run produced: outcome (in words, not only colour), compute utilization, the output
// event, a line diff against the input, and the console logs.
import { memo } from 'react';
import type { TestFunctionResult } from '../../worker/client';
import type { DiffLine } from './lineDiff';
import { stableJson } from './lineDiff';

const MARK: Record<DiffLine['kind'], string> = { same: ' ', added: '+', removed: '-' };

function TestFunctionResultView({ result, diff }: { result: TestFunctionResult; diff: DiffLine[] | null }) {
  const failed = result.error !== undefined;
  const changed = diff?.filter((l) => l.kind !== 'same').length ?? 0;
  return (
    <div className="test-result" data-testid="test-result">
      <p className={`test-result__status ${failed ? 'is-error' : 'is-ok'}`} data-testid="test-status">
        {failed
          ? `Failed${result.errorStatus ? ` (CloudFront would answer ${result.errorStatus})` : ''}`
          : 'Succeeded'}
      </p>
      <p className="muted" data-testid="test-utilization">
        Compute utilization {result.computeUtilization} · {result.durationMs.toFixed(2)} ms
        {result.kvsReads
          ? ` · ${result.kvsReads} KeyValueStore ${result.kvsReads === 1 ? 'read' : 'reads'} (billed per read)`
          : ''}
      </p>
      {failed && (
        <p role="alert" className="test-panel__error" data-testid="test-error">
          {result.error}
        </p>
      )}
      {result.sizeLimits && (
        <p className="limits-note" data-testid="test-size-limits">
          {result.sizeLimits}
        </p>
      )}
      {result.output !== null && (
        <>
          <h4>Output</h4>
          <pre className="test-result__pre" data-testid="test-output">
            {stableJson(result.output)}
          </pre>
        </>
      )}
      {diff && (
        <>
          <h4>Changes against the input ({changed === 0 ? 'none' : `${changed} lines`})</h4>
          <pre className="test-result__pre test-result__diff" data-testid="test-diff">
            {diff.map((l, i) => (
              <span key={i} className={`diff-${l.kind}`}>
                {MARK[l.kind]} {l.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </>
      )}
      <h4>Console logs</h4>
      <pre className="test-result__pre" data-testid="test-logs">
        {result.logs.length ? result.logs.join('\n') : '(none)'}
      </pre>
    </div>
  );
}

export default memo(TestFunctionResultView);
