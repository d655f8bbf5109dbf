// Edge locations and viewer regions: add and remove. PoP codes come from the engine's table of
// real edge locations; viewer regions from its table of countries (capital coordinates).
import { countryLocation, edgeLocation } from '../../engine/geo';
import type { Scenario, ViewerRegion } from '../../engine/scenario';
import { popId, viewerId } from './nodeIds';
import { withoutPosition, withPosition, type XY } from './layout';
import { refuse, type Command } from './types';

/** Share of traffic a new viewer region starts with (the user tunes it later). */
export const NEW_VIEWER_WEIGHT = 0.1;

/** 3-letter prefixes in play (topology.pops may hold full codes such as 'NRT51-C1'). */
export function popsInPlay(scenario: Scenario): string[] {
  return (scenario.topology?.pops ?? []).map((p) => p.slice(0, 3).toUpperCase());
}

export function addPop(code: string, at: XY): Command {
  const prefix = code.slice(0, 3).toUpperCase();
  return {
    label: `Add edge location ${prefix}`,
    select: popId(prefix),
    perform: (scenario) => {
      const loc = edgeLocation(prefix);
      if (!loc) refuse(`"${code}" is not a known CloudFront edge location: pick one from the list.`);
      if (loc.mainlandChina) {
        refuse(
          `${prefix} (${loc.city}) is in CloudFront's separate China network, which global distributions do not use.`,
        );
      }
      if (popsInPlay(scenario).includes(prefix))
        refuse(`Edge location ${prefix} (${loc.city}) is already on the canvas.`);
      const topology = { ...scenario.topology, pops: [...(scenario.topology?.pops ?? []), prefix] };
      return withPosition({ ...scenario, topology }, popId(prefix), at);
    },
  };
}

export function removePop(code: string): Command {
  return {
    label: `Remove edge location ${code}`,
    select: null,
    perform: (scenario) => {
      const pops = scenario.topology?.pops ?? [];
      const rest = pops.filter((p) => p.slice(0, 3).toUpperCase() !== code);
      if (rest.length === pops.length) refuse(`Edge location ${code} is not in this scenario.`);
      // An empty list means "every edge location" to the engine: never produce it by a removal.
      if (rest.length === 0) refuse(`${code} is the last edge location: add another one before removing it.`);
      return {
        ...scenario,
        topology: { ...scenario.topology, pops: rest },
        layout: withoutPosition(scenario.layout, [popId(code)]),
      };
    },
  };
}

function uniqueViewerId(scenario: Scenario, base: string): string {
  const taken = new Set((scenario.viewers ?? []).map((v) => v.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A viewer region at a country's capital (engine table), with a starting share of traffic. */
export function addViewerRegion(countryCode: string, at: XY): Command {
  return {
    label: `Add viewer region ${countryCode}`,
    select: (after) => viewerId(after.viewers?.[after.viewers.length - 1]?.id ?? ''),
    perform: (scenario) => {
      const c = countryLocation(countryCode);
      if (!c) refuse(`"${countryCode}" is not a country EdgeLab knows: pick one from the list.`);
      const id = uniqueViewerId(scenario, c.code.toLowerCase());
      const region: ViewerRegion = {
        id,
        name: c.name,
        lat: c.lat,
        lon: c.lon,
        country: c.code,
        weight: NEW_VIEWER_WEIGHT,
      };
      return withPosition({ ...scenario, viewers: [...(scenario.viewers ?? []), region] }, viewerId(id), at);
    },
  };
}

export function removeViewerRegion(id: string): Command {
  return {
    label: `Remove viewer region ${id}`,
    select: null,
    perform: (scenario) => {
      const viewers = scenario.viewers ?? [];
      const rest = viewers.filter((v) => v.id !== id);
      if (rest.length === viewers.length) refuse(`Viewer region ${id} is not in this scenario.`);
      if (rest.length === 0)
        refuse('This is the last viewer region: add another one first, or nobody sends traffic.');
      return { ...scenario, viewers: rest, layout: withoutPosition(scenario.layout, [viewerId(id)]) };
    },
  };
}
