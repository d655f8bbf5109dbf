// Seeded traffic: popularity, the virtual catalog, arrivals and the request generator.
export * from './zipf';
export * from './catalog';
export * from './profile';
export * from './generator';
