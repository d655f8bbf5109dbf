import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors';
import type { Scenario, ScheduledEvent } from '../scenario';
import { buildCatalogs, VirtualCatalog } from './catalog';

const IMAGES = { count: 1_000_000, pathPrefix: '/img/', extension: '.jpg', meanSizeBytes: 50_000 };

describe('VirtualCatalog paths', () => {
  const c = new VirtualCatalog('img', IMAGES, { seed: 1 });

  it('names object i `${pathPrefix}${i}${extension}` and finds it back', () => {
    expect(c.path(0)).toBe('/img/0.jpg');
    expect(c.path(999_999)).toBe('/img/999999.jpg');
    expect(c.path(4096)).toBe('/img/4096.jpg');
    expect(c.path(4096)).toBe('/img/4096.jpg');
    expect(c.indexOf('/img/0.jpg')).toBe(0);
    expect(c.indexOf('/img/123456.jpg')).toBe(123456);
  });

  it('rejects paths that are not catalog objects', () => {
    expect(c.indexOf('/img/07.jpg')).toBe(-1);
    expect(c.indexOf('/img/1000000.jpg')).toBe(-1);
    expect(c.indexOf('/img/12.png')).toBe(-1);
    expect(c.indexOf('/css/12.jpg')).toBe(-1);
    expect(c.indexOf('/img/.jpg')).toBe(-1);
    expect(c.indexOf('/img/1a.jpg')).toBe(-1);
  });

  it('works without an extension', () => {
    const plain = new VirtualCatalog(
      'api',
      { count: 10, pathPrefix: '/v/', meanSizeBytes: 100 },
      { seed: 1 },
    );
    expect(plain.path(3)).toBe('/v/3');
    expect(plain.indexOf('/v/9')).toBe(9);
    expect(plain.indexOf('/v/10')).toBe(-1);
    expect(plain.contentType).toBe('application/octet-stream');
  });
});

describe('VirtualCatalog sizes', () => {
  it('has a heavy-tailed size distribution whose mean is meanSizeBytes (1M objects, seed 1)', () => {
    const c = new VirtualCatalog('img', IMAGES, { seed: 1 });
    const sizes = new Float64Array(c.count);
    let sum = 0;
    for (let i = 0; i < c.count; i++) {
      sizes[i] = c.sizeBytes(i);
      sum += sizes[i];
    }
    sizes.sort();
    expect(sum / c.count).toBeGreaterThan(49_500);
    expect(sum / c.count).toBeLessThan(50_500);
    // median about half the mean, a long tail above it
    expect(sizes[500_000]).toBeGreaterThan(24_000);
    expect(sizes[500_000]).toBeLessThan(29_000);
    expect(sizes[990_000]).toBeGreaterThan(6 * 50_000);
    expect(sizes[999_999]).toBeGreaterThan(100 * 50_000);
    expect(sizes[0]).toBeGreaterThanOrEqual(1);
    expect(sizes.every(Number.isInteger)).toBe(true);
  });

  it('gives each object a fixed size for a seed, and other sizes for another seed', () => {
    const a = new VirtualCatalog('img', IMAGES, { seed: 1 });
    const b = new VirtualCatalog('img', IMAGES, { seed: 1 });
    const other = new VirtualCatalog('img', IMAGES, { seed: 2 });
    const first = [0, 1, 2, 3].map((i) => a.sizeBytes(i));
    expect(first).toEqual([0, 1, 2, 3].map((i) => b.sizeBytes(i)));
    expect(first.slice(0, 2)).toEqual([33437, 18212]);
    expect(other.sizeBytes(0)).toBe(18706);
  });
});

describe('VirtualCatalog content type, versions and ETags', () => {
  it('derives the content type from the extension unless the spec gives one', () => {
    expect(new VirtualCatalog('a', IMAGES, { seed: 1 }).contentType).toBe('image/jpeg');
    expect(new VirtualCatalog('a', { ...IMAGES, extension: '.m3u8' }, { seed: 1 }).contentType).toBe(
      'application/vnd.apple.mpegurl',
    );
    expect(new VirtualCatalog('a', { ...IMAGES, contentType: 'image/webp' }, { seed: 1 }).contentType).toBe(
      'image/webp',
    );
  });

  it('bumps versions and ETags at deploys of this origin, whole or by path pattern', () => {
    const events: ScheduledEvent[] = [
      { id: 'd1', kind: 'deploy', atMs: 1000, target: 'img' },
      { id: 'd2', kind: 'deploy', atMs: 2000, target: ['img'], paths: ['/img/1*'] },
      { id: 'd3', kind: 'deploy', atMs: 3000, target: 'other' },
      { id: 'd4', kind: 'spike', atMs: 500 },
      { id: 'd5', kind: 'deploy', atMs: 4000, paths: ['img/2?.jpg'] },
    ];
    const c = new VirtualCatalog('img', IMAGES, { seed: 1, deploys: events });
    expect([c.version(1, 999), c.version(1, 1000), c.version(1, 2500), c.version(2, 2500)]).toEqual([
      0, 1, 2, 1,
    ]);
    expect([c.version(20, 5000), c.version(200, 5000), c.version(2, 5000)]).toEqual([2, 1, 1]);
    expect(c.etag(2, 0)).toMatch(/^"[0-9a-f]{32}"$/);
    expect(c.etag(2, 500)).toBe(c.etag(2, 0));
    expect(c.etag(2, 1000)).not.toBe(c.etag(2, 0));
    expect(c.etag(3, 1000)).not.toBe(c.etag(2, 1000));
  });

  it('names the field of a bad catalog', () => {
    let error: unknown;
    try {
      new VirtualCatalog('img', { ...IMAGES, count: 0 }, { seed: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).field).toBe('originSimulation.img.catalog.count');
  });
});

describe('buildCatalogs', () => {
  it('makes one catalog per simulated origin that has one', () => {
    const scenario = {
      seed: 7,
      originSimulation: { img: { catalog: IMAGES }, api: { dynamicPaths: ['/api/*'] } },
      events: [],
    } as unknown as Scenario;
    const catalogs = buildCatalogs(scenario);
    expect([...catalogs.keys()]).toEqual(['img']);
    expect(catalogs.get('img')!.sizeBytes(0)).toBe(
      new VirtualCatalog('img', IMAGES, { seed: 7 }).sizeBytes(0),
    );
  });
});
