// Geography of the simulated network: edge locations, AWS Regions, countries, latency.
export * from './edgeLocations';
export * from './countries';
export * from './regions';
export * from './latency';
export * from './pops';
