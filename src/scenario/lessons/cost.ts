// Lesson: cost optimisation. Compression off and every edge location in use; the two changes that
// cut the bill are compression and a cheaper price class. Origin Shield is measured for the text.
import { fromDefault, withDefaultBehavior, withDistribution } from './base';
import type { Lesson } from './types';

export const cost: Lesson = {
  id: 'cost',
  title: 'Cost optimisation',
  text: [
    'A CloudFront bill is mostly data transfer out to viewers, priced per GB and by where the edge location is (' +
      'for the first 10 TB: $0.085/GB in North America and Europe, $0.110 in South America, $0.114 in Japan and ' +
      'Australia), plus a price per 10,000 HTTPS requests ($0.010 in the United States).',
    'This site serves JavaScript uncompressed from every edge location (PriceClass_All). At this traffic it ' +
      'would cost $2,887 a month.',
    'Turning on "Compress objects automatically" lets CloudFront gzip or Brotli text for viewers that accept ' +
      'it: $1,192 a month. PriceClass_100 serves every viewer from North America and Europe only (cheaper ' +
      'GB, but viewers wait 107 ms on average instead of 60): $2,580. Together: $1,056. Origin Shield would not ' +
      'cut this bill: it adds $161 a month for its requests, and pays off when origin load is what costs you.',
  ],
  steps: [
    'Open the Distribution node, default behavior, and tick "Compress objects automatically".',
    'Click the Distribution node and set "Price class" to "North America and Europe only" (PriceClass_100).',
    'Press Reset, then Run for at least 2 simulated minutes.',
  ],
  goals: [
    {
      id: 'cost',
      label: 'Under $1,100 a month',
      expression: 'costPerMonth < 1100 after 120s',
    },
  ],
  hints: [
    'Open the cost dashboard: which item is the largest?',
    'Fewer bytes per response, and cheaper places to send them from.',
    'Default behavior -> Compress objects automatically; Distribution -> Price class: North America ' +
      'and Europe only. Reset and Run.',
  ],
  runMs: 120_000,
  scenario: () => {
    const s = fromDefault('Lesson: cost', 'JavaScript served uncompressed from every edge location.');
    const assets = s.originSimulation?.assets;
    const catalog = assets?.catalog && { ...assets.catalog, contentType: 'application/javascript' };
    return withDefaultBehavior(
      withDistribution(
        { ...s, originSimulation: { ...s.originSimulation, assets: { ...assets, catalog } } },
        { priceClass: 'PriceClass_All' },
      ),
      { compress: false },
    );
  },
  solve: (s) =>
    withDefaultBehavior(withDistribution(s, { priceClass: 'PriceClass_100' }), { compress: true }),
};
