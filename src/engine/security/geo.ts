// Geo restriction (spec §10.3): distribution-wide allow or block list of ISO 3166-1 alpha-2
// country codes. A viewer CloudFront cannot place is let through.
import type { GeoRestriction } from '../scenario';

export function geoAllowed(restriction: GeoRestriction | undefined, country: string | undefined): boolean {
  if (!restriction || restriction.restrictionType === 'none') return true;
  if (!country) return true;
  const c = country.toUpperCase();
  const listed = restriction.items.some((i) => i.toUpperCase() === c);
  return restriction.restrictionType === 'whitelist' ? listed : !listed;
}
