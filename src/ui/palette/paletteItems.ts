// What the palette offers, and how each item becomes a scenario edit. Edge locations and viewer
// regions need a choice first (which PoP, which country): those open the choice dialog.
import {
  addBehavior,
  addOrigin,
  addOriginGroup,
  freePosition,
  type Command,
  type NodeKind,
  type XY,
} from '../../state/commands';
import type { Scenario } from '../../engine/scenario';

export type PaletteItemId =
  'pop' | 'viewer' | 'origin-s3-oac' | 'origin-s3' | 'origin-custom' | 'originGroup' | 'behavior';

export interface PaletteItem {
  id: PaletteItemId;
  label: string;
  hint: string;
  /** the canvas column a "+ Add" without a drop point goes to */
  kind: NodeKind;
  /** items that ask which PoP / which country before anything is added */
  choice?: 'pop' | 'country';
}

export const PALETTE_ITEMS: readonly PaletteItem[] = [
  {
    id: 'pop',
    label: 'Edge location',
    hint: 'A CloudFront PoP, from the real list',
    kind: 'pop',
    choice: 'pop',
  },
  {
    id: 'viewer',
    label: 'Viewer region',
    hint: 'Viewers in a country (at its capital)',
    kind: 'viewer',
    choice: 'country',
  },
  {
    id: 'origin-s3-oac',
    label: 'S3 origin (OAC)',
    hint: 'S3 bucket with origin access control',
    kind: 'origin',
  },
  { id: 'origin-s3', label: 'S3 origin', hint: 'S3 bucket without OAC (public bucket)', kind: 'origin' },
  {
    id: 'origin-custom',
    label: 'Custom origin',
    hint: 'Any HTTP server (ALB, EC2, on-premises)',
    kind: 'origin',
  },
  {
    id: 'originGroup',
    label: 'Origin group',
    hint: 'Failover from a primary to a secondary origin',
    kind: 'originGroup',
  },
  {
    id: 'behavior',
    label: 'Cache behavior',
    hint: 'A path pattern, added last before the default',
    kind: 'behavior',
  },
];

/** MIME type of a palette drag (dataTransfer), so other drags over the canvas are ignored. */
export const PALETTE_MIME = 'application/x-edgelab-palette';

export function paletteItem(id: string): PaletteItem | undefined {
  return PALETTE_ITEMS.find((i) => i.id === id);
}

/** The command for an item that needs no choice. */
export function commandFor(item: PaletteItem, at: XY): Command | null {
  switch (item.id) {
    case 'origin-s3-oac':
      return addOrigin('s3-oac', at);
    case 'origin-s3':
      return addOrigin('s3', at);
    case 'origin-custom':
      return addOrigin('custom', at);
    case 'originGroup':
      return addOriginGroup(at);
    case 'behavior':
      return addBehavior();
    default:
      return null;
  }
}

export function defaultDropPoint(scenario: Scenario, item: PaletteItem): XY {
  return freePosition(scenario.layout, item.kind);
}
