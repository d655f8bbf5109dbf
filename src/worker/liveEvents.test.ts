import { describe, expect, it } from 'vitest';
import { scenarioTimelineEvent, toScheduledEvent } from './liveEvents';

describe('one-click events', () => {
  it('a DDoS burst targets the chosen region at the current time, x50 for 60 s', () => {
    expect(toScheduledEvent({ kind: 'ddos', region: 'europe' }, 125_000, 3)).toEqual({
      event: { id: 'live-3', kind: 'ddos', atMs: 125_000, factor: 50, durationMs: 60_000, target: 'europe' },
      timeline: {
        id: 'live-3',
        kind: 'ddos',
        atMs: 125_000,
        durationMs: 60_000,
        label: 'DDoS from europe x50 (60 s)',
      },
    });
  });

  it('a spike is x5 for 60 s and a typed invalidation keeps its paths', () => {
    expect(toScheduledEvent({ kind: 'spike' }, 0, 1).event).toEqual({
      id: 'live-1',
      kind: 'spike',
      atMs: 0,
      factor: 5,
      durationMs: 60_000,
    });
    expect(
      toScheduledEvent({ kind: 'invalidation', paths: ['/img/*', '/index.html'] }, 0, 2).timeline.label,
    ).toBe('Invalidation /img/* /index.html');
  });

  it('labels the scenario’s own events so the timeline tells them apart', () => {
    expect(
      scenarioTimelineEvent({ id: 'p', kind: 'pop-outage', atMs: 30_000, durationMs: 120_000, target: 'IAD' })
        .label,
    ).toBe('PoP outage IAD (120 s) (scenario)');
  });
});
