// The worker api's access log, cost and latency reports with the real engine (no Comlink, no Worker).
import { describe, expect, it } from 'vitest';
import { cloneDefaultScenario } from '../scenario';
import { createApi } from './api';

function setup() {
  let real = 0;
  return createApi({ now: () => (real += 0.01), schedule: () => undefined });
}

describe('worker api dashboards', () => {
  it('logs sampled run() traffic and inspector requests, and reports cost and latency', async () => {
    const api = setup();
    const scenario = cloneDefaultScenario();
    await api.load(scenario);
    expect((await api.logQuery({})).total).toBe(0);

    await api.step(60_000);
    const page = await api.logQuery({});
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows[0]['cs(Host)']).toBe(
      scenario.distribution.domainName || 'd111111abcdef8.cloudfront.net',
    );
    expect(String(page.rows[0].date)).toBe('2024-01-01');

    await api.request({
      method: 'GET',
      url: 'https://d111111abcdef8.cloudfront.net/only-from-inspector.txt',
    });
    const mine = await api.logQuery({ pathContains: 'only-from-inspector' });
    expect(mine.matched).toBe(1);
    expect(mine.rows[0]['cs-uri-stem']).toBe('/only-from-inspector.txt');
    expect(mine.rows[0]['x-edge-request-id']).not.toBe('-');

    const tsv = (await api.logExport({ pathContains: 'only-from-inspector' }, 'tsv')).split('\n');
    expect(tsv.slice(0, 2).map((l) => l.split(' ')[0])).toEqual(['#Version:', '#Fields:']);
    expect(tsv[2].split('\t')[7]).toBe('/only-from-inspector.txt');

    const latency = await api.latencyReport();
    expect(latency.sampleCount).toBe(page.total);
    expect(latency.regions.length).toBeGreaterThan(0);
    for (const r of latency.regions) expect(r.p50 <= r.p95 && r.p95 <= r.p99).toBe(true);

    const cost = await api.costReport();
    expect(cost.simTimeMs).toBe(60_000);
    expect(cost.cost.total).toBeGreaterThan(0);

    // A reload starts an empty log.
    await api.load(scenario);
    expect((await api.logQuery({})).total).toBe(0);
  });
});
