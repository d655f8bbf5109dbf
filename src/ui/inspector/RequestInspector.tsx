// The request inspector ("curl -I with a waterfall"): compose and send one request through the
// simulated CDN at the current simulated time, read its headers and trace, see why it was not a
// hit, resend it, move the clock, and compare with earlier requests.
import { memo, useCallback, useEffect, useRef } from 'react';
import { useAppStore } from '../../state/store';
import RequestInspectorForm, { defaultInspectorUrl } from './RequestInspectorForm';
import RequestInspectorHistory from './RequestInspectorHistory';
import RequestInspectorResult from './RequestInspectorResult';
import { useRequestPrefill } from './requestPrefill';
import './RequestInspector.css';

/** Simulated time the clock buttons advance (the scenario's own traffic runs meanwhile). */
const CLOCK_STEPS_MS = [1_000, 10_000, 60_000];

function simClock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

function RequestInspector() {
  const open = useAppStore((s) => s.inspectorOpen);
  const setOpen = useAppStore((s) => s.setInspectorOpen);
  const entry = useAppStore((s) => s.inspected.find((e) => e.id === s.inspectedId) ?? null);
  const busy = useAppStore((s) => s.inspectorBusy);
  const send = useAppStore((s) => s.sendInspectorRequest);
  const advance = useAppStore((s) => s.advanceClock);
  const simTimeMs = useAppStore((s) => s.simTimeMs);
  const stale = useAppStore((s) => s.loadedRevision !== null && s.loadedRevision !== s.scenarioRevision);
  // A different scenario (preset, import, link) starts a fresh form with its own URL.
  const formKey = useAppStore((s) => defaultInspectorUrl(s.scenario));
  // "Inspect a request like this" on the canvas: a fresh form with that request's values.
  const prefillId = useRequestPrefill((s) => s.prefill?.id ?? 0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  const close = useCallback(() => setOpen(false), [setOpen]);
  if (!open) return null;

  return (
    <section
      className="inspector"
      aria-labelledby="inspector-heading"
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <header className="inspector__header">
        <h2 id="inspector-heading" tabIndex={-1} ref={heading}>
          Request inspector
        </h2>
        <span className="inspector__clock">
          Simulated time <strong data-testid="inspector-clock">{simClock(simTimeMs)}</strong>
        </span>
        <div className="inspector__clock-buttons" role="group" aria-label="Advance the simulated clock">
          {CLOCK_STEPS_MS.map((ms) => (
            <button
              key={ms}
              type="button"
              className="btn btn--small"
              disabled={busy}
              onClick={() => void advance(ms)}
              aria-label={`+${ms / 1000} s: advance the clock ${ms / 1000} seconds`}
            >
              +{ms / 1000} s
            </button>
          ))}
        </div>
        <button type="button" className="btn btn--small" onClick={close}>
          Close inspector
        </button>
      </header>
      {stale && (
        <p className="inspector__note" role="status">
          The scenario was edited: requests still go to the loaded version until you press Reset.
        </p>
      )}
      <RequestInspectorForm key={`${formKey}#${prefillId}`} />
      <div className="inspector__body">
        <div className="inspector__main">
          {entry ? (
            <>
              <button
                type="button"
                className="btn btn--small inspector__resend"
                disabled={busy}
                onClick={() => void send(entry.request)}
              >
                Resend
              </button>
              <RequestInspectorResult entry={entry} />
            </>
          ) : (
            <p className="muted">Send a request to see its status, headers, trace and, for a miss, why.</p>
          )}
        </div>
        <RequestInspectorHistory />
      </div>
    </section>
  );
}

export default memo(RequestInspector);
