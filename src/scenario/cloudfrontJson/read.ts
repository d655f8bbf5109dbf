// Reading CloudFront API JSON (PascalCase, { Quantity, Items } lists) with the field path at hand,
// so every structural problem becomes a ScenarioError naming the API field, e.g.
// "DistributionConfig.Origins.Items[0].ConnectionAttempts: must be a number (got "3")".
// Unknown fields are kept, not dropped: `Extras` records them under a stable key (ids, not indexes)
// so toCloudFront can write them back (scenario.unmodeled).
import { ScenarioError } from '../../engine/errors';
import { showValue } from '../issues';

export type Json = Record<string, unknown>;

export function isJsonObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Throws ScenarioError "<path>: <message> (got <value>)"; pass no value to leave out the "(got ...)". */
export function fail(path: string, message: string, ...got: [] | [unknown]): never {
  throw new ScenarioError(`${path}: ${message}${got.length ? ` (got ${showValue(got[0])})` : ''}`, path);
}

function failType(path: string, v: unknown, what: string): never {
  if (v === undefined) fail(path, `is required: add ${what}`);
  fail(path, `must be ${what}`, v);
}

export function obj(v: unknown, path: string): Json {
  if (!isJsonObject(v)) failType(path, v, 'an object');
  return v;
}

export function optObj(o: Json, key: string, path: string): Json | undefined {
  return o[key] === undefined ? undefined : obj(o[key], `${path}.${key}`);
}

export function str(o: Json, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string') failType(`${path}.${key}`, v, 'a string');
  return v;
}

export function optStr(o: Json, key: string, path: string): string | undefined {
  return o[key] === undefined ? undefined : str(o, key, path);
}

export function optNum(o: Json, key: string, path: string): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}.${key}`, 'must be a number', v);
  return v;
}

export function num(o: Json, key: string, path: string): number {
  const v = optNum(o, key, path);
  if (v === undefined) fail(`${path}.${key}`, 'is required: add a number');
  return v;
}

export function optBool(o: Json, key: string, path: string): boolean | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') fail(`${path}.${key}`, 'must be true or false', v);
  return v;
}

/** Collects fields EdgeLab does not model under "<prefix>.<Field>" (prefix '' = DistributionConfig). */
export class Extras {
  readonly fields: Record<string, unknown> = {};

  keep(o: Json, known: readonly string[], prefix: string): void {
    for (const key of Object.keys(o)) {
      if (!known.includes(key) && o[key] !== undefined)
        this.fields[prefix ? `${prefix}.${key}` : key] = o[key];
    }
  }

  /** A value that has no place in the scenario (e.g. ResponseCode "" or an explicit empty Items). */
  put(prefix: string, key: string, value: unknown): void {
    this.fields[prefix ? `${prefix}.${key}` : key] = value;
  }
}

/**
 * Reads a { Quantity, Items } list. Absent -> undefined (so export can leave it out again);
 * { Quantity: 0 } -> []. An explicit `Items: []` is remembered so the export writes it back.
 */
export function list(
  parent: Json,
  key: string,
  path: string,
  extras: Extras,
  prefix: string,
  knownExtra: readonly string[] = [],
): unknown[] | undefined {
  const raw = parent[key];
  if (raw === undefined) return undefined;
  const p = `${path}.${key}`;
  const pre = prefix ? `${prefix}.${key}` : key;
  const wrapper = obj(raw, p);
  const items = wrapper.Items;
  const quantity = wrapper.Quantity;
  if (
    quantity !== undefined &&
    (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0)
  ) {
    fail(`${p}.Quantity`, 'must be a whole number', quantity);
  }
  if (items !== undefined && !Array.isArray(items)) fail(`${p}.Items`, 'must be a list', items);
  const arr = (items as unknown[] | undefined) ?? [];
  if (quantity !== undefined && quantity !== arr.length) {
    fail(
      `${p}.Quantity`,
      `must equal the number of Items (${arr.length}): fix Quantity or the list`,
      quantity,
    );
  }
  if (Array.isArray(items) && items.length === 0) extras.put(pre, 'Items', []);
  extras.keep(wrapper, ['Quantity', 'Items', ...knownExtra], pre);
  return arr;
}

export function stringList(
  parent: Json,
  key: string,
  path: string,
  extras: Extras,
  prefix: string,
  knownExtra: readonly string[] = [],
): string[] | undefined {
  const arr = list(parent, key, path, extras, prefix, knownExtra);
  arr?.forEach((v, i) => {
    if (typeof v !== 'string') fail(`${path}.${key}.Items[${i}]`, 'must be a string', v);
  });
  return arr as string[] | undefined;
}

/** Writes a { Quantity, Items } list the way the API prints it (no Items when empty). */
export function toList<T>(items: readonly T[]): { Quantity: number; Items?: T[] } {
  return items.length ? { Quantity: items.length, Items: [...items] } : { Quantity: 0 };
}
