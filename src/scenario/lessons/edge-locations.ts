// Lesson: edge locations and regional edge caches. Sydney viewers without a Sydney PoP.
import { DEFAULT_POPS, DEFAULT_VIEWERS } from '../presets/default';
import { fromDefault } from './base';
import type { Lesson } from './types';

const sydney = DEFAULT_VIEWERS.filter((v) => v.id === 'oceania').map((v) => ({ ...v, weight: 1 }));

export const edgeLocations: Lesson = {
  id: 'edge-locations',
  title: 'Edge locations and regional edge caches',
  text: [
    'CloudFront has two cache layers before your origin. Edge locations (PoPs, 600+ of them) sit close to ' +
      'viewers and answer most requests. Behind them, 13 regional edge caches (RECs) hold more objects for ' +
      'longer, so a PoP that misses usually finds the object one hop away instead of at the origin.',
    'Here every viewer is in Sydney, but this distribution has no Sydney edge location: each request travels to ' +
      'SIN (Singapore), about 6,300 km away. Over two minutes, viewers wait about 177 ms on average.',
    'Add the SYD edge location: requests stay in Australia and the average drops to about 45 ms. A PoP ' +
      "that misses asks its nearest regional edge cache (Sydney's is ap-southeast-2) before the origin; the " +
      'canvas draws that path.',
  ],
  steps: [
    'Add an edge location to the canvas and choose SYD (Sydney).',
    'Press Reset, then Run for at least 2 simulated minutes.',
  ],
  goals: [
    {
      id: 'latency',
      label: 'Sydney viewers wait under 100 ms on average',
      expression: 'latencyMs < 100 after 120s',
    },
  ],
  hints: [
    'Open the request inspector and look at x-amz-cf-pop: where is a Sydney viewer served from?',
    'Viewers go to the nearest edge location that the distribution uses. Is there one in Australia?',
    'Add edge location SYD on the canvas, then Reset and Run.',
  ],
  runMs: 120_000,
  scenario: () => {
    const s = fromDefault('Lesson: edge locations', 'Sydney viewers, no Sydney edge location.');
    const layout = { ...s.layout };
    delete layout['pop:SYD'];
    return {
      ...s,
      viewers: sydney,
      topology: { ...s.topology, pops: DEFAULT_POPS.filter((p) => p !== 'SYD') },
      layout,
    };
  },
  solve: (s) => ({ ...s, topology: { ...s.topology, pops: [...(s.topology?.pops ?? []), 'SYD'] } }),
};
