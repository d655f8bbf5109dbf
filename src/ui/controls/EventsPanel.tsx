// One-click events while the simulation runs, and the timeline of what happened when. Each event
// starts at the current simulated time; the charts mark it on their time axis.
import { memo, useCallback, useState, type FormEvent } from 'react';
import { useAppStore } from '../../state/store';
import type { LiveEventRequest } from '../../worker/client';
import { formatSimClock } from '../format';
import './controls.css';

// Stable empty lists: a selector must not return a new array each time (it would re-render forever).
const NO_REGIONS: never[] = [];
const NO_POPS: string[] = [];

function EventsPanel() {
  const status = useAppStore((s) => s.status);
  const regions = useAppStore((s) => s.scenario.viewers ?? NO_REGIONS);
  const pops = useAppStore((s) => s.scenario.topology?.pops ?? NO_POPS);
  const origins = useAppStore((s) => s.scenario.distribution.origins);
  const timeline = useAppStore((s) => s.timeline);
  const triggerEvent = useAppStore((s) => s.triggerEvent);
  const [region, setRegion] = useState('');
  const [pop, setPop] = useState('');
  const [origin, setOrigin] = useState('');
  const [paths, setPaths] = useState('/*');

  const disabled = status === 'loading';
  // The chosen value, or the first one in the scenario when nothing (or something since removed) is chosen.
  const regionId = regions.some((r) => r.id === region) ? region : (regions[0]?.id ?? '');
  const popCode = pops.includes(pop) ? pop : (pops[0] ?? '');
  const originId = origins.some((o) => o.id === origin) ? origin : (origins[0]?.id ?? '');

  const fire = useCallback((req: LiveEventRequest) => void triggerEvent(req), [triggerEvent]);
  const onInvalidate = useCallback(
    (e: FormEvent) => {
      e.preventDefault();
      const list = paths.split(/[\s,]+/).filter((p) => p !== '');
      fire({ kind: 'invalidation', paths: list.length > 0 ? list : ['/*'] });
    },
    [fire, paths],
  );

  return (
    <section className="events-panel" aria-labelledby="events-panel-title">
      <h2 id="events-panel-title">Events</h2>
      <div className="events-panel__row">
        <button type="button" className="btn" disabled={disabled} onClick={() => fire({ kind: 'spike' })}>
          Traffic spike x5
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => fire({ kind: 'deploy' })}>
          Deploy
        </button>
      </div>
      <div className="events-panel__row">
        <select aria-label="DDoS source region" value={regionId} onChange={(e) => setRegion(e.target.value)}>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          disabled={disabled || regionId === ''}
          onClick={() => fire({ kind: 'ddos', region: regionId })}
        >
          DDoS burst
        </button>
      </div>
      <form className="events-panel__row" onSubmit={onInvalidate}>
        <input
          type="text"
          aria-label="Paths to invalidate"
          value={paths}
          onChange={(e) => setPaths(e.target.value)}
          spellCheck={false}
        />
        <button type="submit" className="btn" disabled={disabled}>
          Invalidate
        </button>
      </form>
      <div className="events-panel__row">
        <select aria-label="Origin to take down" value={originId} onChange={(e) => setOrigin(e.target.value)}>
          {origins.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          disabled={disabled || originId === ''}
          onClick={() => fire({ kind: 'origin-outage', originId })}
        >
          Origin outage
        </button>
      </div>
      <div className="events-panel__row">
        {pops.length > 0 ? (
          <select
            aria-label="Edge location to take down"
            value={popCode}
            onChange={(e) => setPop(e.target.value)}
          >
            {pops.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        ) : (
          <input
            type="text"
            aria-label="Edge location to take down"
            placeholder="e.g. IAD"
            value={pop}
            onChange={(e) => setPop(e.target.value.toUpperCase())}
          />
        )}
        <button
          type="button"
          className="btn"
          disabled={disabled || popCode === ''}
          onClick={() => fire({ kind: 'pop-outage', pop: popCode })}
        >
          PoP outage
        </button>
      </div>
      {timeline.length > 0 && (
        <ol className="events-panel__timeline" aria-label="Event timeline" data-testid="event-timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <time>{formatSimClock(e.atMs)}</time> {e.label}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default memo(EventsPanel);
