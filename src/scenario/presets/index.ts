// Production-style presets: each a complete scenario with traffic and a one-line story.
import type { Scenario } from '../../engine/scenario';
import { apiAccelerationScenario } from './apiAcceleration';
import { globalEcommerceScenario } from './globalEcommerce';
import { hlsVideoScenario } from './hlsVideo';
import { multiRegionFailoverScenario } from './multiRegionFailover';
import { staticWebsiteScenario } from './staticWebsite';

export interface Preset {
  id: string;
  title: string;
  description: string;
  scenario: Scenario;
}

export const PRESETS: Preset[] = [
  {
    id: 'static-website',
    title: 'Static website on S3',
    description:
      'SPA on S3 with Origin Access Control: year-long hashed assets, one-minute index.html, routes fall back to index.html.',
    scenario: staticWebsiteScenario,
  },
  {
    id: 'api-acceleration',
    title: 'API acceleration',
    description:
      'Cached product GETs on /api/products*, uncached POST/PUT through CachingDisabled + AllViewerExceptHostHeader on /api/*.',
    scenario: apiAccelerationScenario,
  },
  {
    id: 'hls-video',
    title: 'HLS live video',
    description:
      'Playlists cached 2 s, segments a day, Origin Shield collapsing every PoP onto one request per object.',
    scenario: hlsVideoScenario,
  },
  {
    id: 'multi-region-failover',
    title: 'Multi-region failover',
    description:
      'Origin group us-east-1 -> us-west-2 failing over on 5xx; the primary goes down for a minute at 2:00.',
    scenario: multiRegionFailoverScenario,
  },
  {
    id: 'global-ecommerce',
    title: 'Global e-commerce',
    description:
      'Images, a briefly cached catalog API and never-cached checkout, with shoppers on every continent.',
    scenario: globalEcommerceScenario,
  },
];

/** A fresh copy of a preset's scenario, safe to edit. */
export function presetScenario(id: string): Scenario | undefined {
  const p = PRESETS.find((x) => x.id === id);
  return p && (JSON.parse(JSON.stringify(p.scenario)) as Scenario);
}
