// Edge-function edits from the editor and the functions panel: runtime and kind, attaching a
// function to a behavior's event, and the saved test events. Every change the engine sees bumps
// `scenarioRevision` (the simulation picks it up on Reset).
import type { StateCreator } from 'zustand';
import type {
  CacheBehavior,
  EdgeFunction,
  FunctionEventType,
  LambdaEventType,
  Scenario,
} from '../../engine/scenario';
import { kvsPutProblem } from '../../engine/functions/kvs';
import type { AppState } from '../store';

export type TestEvent = NonNullable<EdgeFunction['testEvents']>[number];
export type AnyEventType = LambdaEventType;

/** Event types each kind of function can be attached to (spec §8.1). */
export const EVENT_TYPES: Record<EdgeFunction['kind'], readonly AnyEventType[]> = {
  'cloudfront-function': ['viewer-request', 'viewer-response'],
  'lambda-edge': ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'],
};

/** Behavior index: -1 is the default behavior, 0.. index `cacheBehaviors`. */
export function behaviorAt(scenario: Scenario, index: number): CacheBehavior | undefined {
  return index < 0
    ? scenario.distribution.defaultCacheBehavior
    : scenario.distribution.cacheBehaviors?.[index];
}

export function behaviorLabel(scenario: Scenario, index: number): string {
  return index < 0 ? 'Default (*)' : (behaviorAt(scenario, index)?.pathPattern ?? `behavior ${index + 1}`);
}

const isViewerEvent = (e: string) => e === 'viewer-request' || e === 'viewer-response';

/**
 * Why `fn` cannot go on `eventType` of `behavior`, or null when it can. CloudFront allows one
 * function per behavior and event type, and CloudFront Functions and Lambda@Edge cannot both be
 * on the viewer events of one behavior.
 */
export function attachRefusal(
  behavior: CacheBehavior,
  fn: Pick<EdgeFunction, 'name' | 'kind'>,
  eventType: AnyEventType,
): string | null {
  if (!EVENT_TYPES[fn.kind].includes(eventType)) {
    return `CloudFront Functions run only on viewer-request or viewer-response, not ${eventType}.`;
  }
  const cf = behavior.functionAssociations ?? [];
  const lambda = behavior.lambdaFunctionAssociations ?? [];
  const taken = cf.find((a) => a.eventType === eventType) ?? lambda.find((a) => a.eventType === eventType);
  if (taken) {
    return taken.functionName === fn.name
      ? `${fn.name} is already on ${eventType} of this behavior.`
      : `${eventType} of this behavior already runs ${taken.functionName}: one function per event type; detach it first.`;
  }
  if (isViewerEvent(eventType)) {
    const other = fn.kind === 'cloudfront-function' ? lambda : cf;
    const clash = other.find((a) => isViewerEvent(a.eventType));
    if (clash) {
      return `${clash.functionName} (${fn.kind === 'cloudfront-function' ? 'Lambda@Edge' : 'CloudFront Function'}) is on ${clash.eventType}: CloudFront Functions and Lambda@Edge cannot share the viewer events of one behavior.`;
    }
  }
  return null;
}

function attach(behavior: CacheBehavior, fn: EdgeFunction, eventType: AnyEventType): CacheBehavior {
  if (fn.kind === 'cloudfront-function') {
    const et = eventType as FunctionEventType;
    return {
      ...behavior,
      functionAssociations: [
        ...(behavior.functionAssociations ?? []),
        { eventType: et, functionName: fn.name },
      ],
    };
  }
  return {
    ...behavior,
    lambdaFunctionAssociations: [
      ...(behavior.lambdaFunctionAssociations ?? []),
      { eventType, functionName: fn.name },
    ],
  };
}

function detach(behavior: CacheBehavior, name: string, eventType: AnyEventType): CacheBehavior {
  const keep = (a: { eventType: string; functionName: string }) =>
    !(a.functionName === name && a.eventType === eventType);
  return {
    ...behavior,
    functionAssociations: (behavior.functionAssociations ?? []).filter(keep),
    lambdaFunctionAssociations: (behavior.lambdaFunctionAssociations ?? []).filter(keep),
  };
}

function withBehavior(scenario: Scenario, index: number, next: CacheBehavior): Scenario {
  const d = scenario.distribution;
  if (index < 0) return { ...scenario, distribution: { ...d, defaultCacheBehavior: next } };
  const list = (d.cacheBehaviors ?? []).slice();
  list[index] = next;
  return { ...scenario, distribution: { ...d, cacheBehaviors: list } };
}

/** Every behavior's associations of `name`, as (behavior index, event type). */
export function associationsOf(
  scenario: Scenario,
  name: string,
): { index: number; eventType: AnyEventType }[] {
  const out: { index: number; eventType: AnyEventType }[] = [];
  const all = [-1, ...(scenario.distribution.cacheBehaviors ?? []).map((_, i) => i)];
  for (const index of all) {
    const b = behaviorAt(scenario, index);
    if (!b) continue;
    for (const a of [...(b.functionAssociations ?? []), ...(b.lambdaFunctionAssociations ?? [])]) {
      if (a.functionName === name) out.push({ index, eventType: a.eventType });
    }
  }
  return out;
}

export interface FunctionsSlice {
  /** Changes a function's kind or runtime; a kind change drops associations the new kind cannot keep. */
  setFunctionSettings: (name: string, patch: Partial<Pick<EdgeFunction, 'kind' | 'runtime'>>) => void;
  /** Attaches a function; returns the reason when CloudFront would refuse it (nothing changes then). */
  attachFunction: (name: string, behaviorIndex: number, eventType: AnyEventType) => string | null;
  detachFunction: (name: string, behaviorIndex: number, eventType: AnyEventType) => void;
  /** Saves (or replaces, by name) a test event with the function, so it travels with the scenario. */
  saveTestEvent: (name: string, event: TestEvent) => void;
  deleteTestEvent: (name: string, eventName: string) => void;
  /** Creates an empty KeyValueStore associated with the function (runtime 2.0, one per function). */
  createKvs: (name: string) => string | null;
  /** Adds or replaces a key (renaming `previousKey` when given); returns the quota it would break. */
  putKvsKey: (name: string, key: string, value: string, previousKey?: string) => string | null;
  deleteKvsKey: (name: string, key: string) => void;
  /** Deletes the function's store and every key in it. */
  deleteKvs: (name: string) => void;
}

export const createFunctionsSlice: StateCreator<AppState, [], [], FunctionsSlice> = (set, get) => {
  const updateFunction = (name: string, change: (fn: EdgeFunction) => EdgeFunction) =>
    set((s) => {
      const functions = s.scenario.functions ?? [];
      const i = functions.findIndex((f) => f.name === name);
      if (i < 0) return s;
      const next = functions.slice();
      next[i] = change(functions[i]);
      return { scenario: { ...s.scenario, functions: next }, scenarioRevision: s.scenarioRevision + 1 };
    });

  return {
    setFunctionSettings: (name, patch) => {
      const before = get().scenario.functions?.find((f) => f.name === name);
      if (!before) return;
      // A function of another kind sits on the other association list: detach it everywhere
      // rather than leave a scenario CloudFront would refuse.
      if (patch.kind && patch.kind !== before.kind) {
        for (const a of associationsOf(get().scenario, name))
          get().detachFunction(name, a.index, a.eventType);
      }
      updateFunction(name, (fn) => {
        const next: EdgeFunction = { ...fn, ...patch };
        if (next.kind === 'lambda-edge') delete next.runtime;
        else if (!next.runtime) next.runtime = 'cloudfront-js-2.0';
        return next;
      });
    },

    attachFunction: (name, behaviorIndex, eventType) => {
      const { scenario } = get();
      const fn = scenario.functions?.find((f) => f.name === name);
      const behavior = behaviorAt(scenario, behaviorIndex);
      if (!fn || !behavior) return `No function ${name} or no such behavior.`;
      const refusal = attachRefusal(behavior, fn, eventType);
      if (refusal) return refusal;
      set((s) => ({
        scenario: withBehavior(s.scenario, behaviorIndex, attach(behavior, fn, eventType)),
        scenarioRevision: s.scenarioRevision + 1,
      }));
      return null;
    },

    detachFunction: (name, behaviorIndex, eventType) => {
      const behavior = behaviorAt(get().scenario, behaviorIndex);
      if (!behavior) return;
      set((s) => ({
        scenario: withBehavior(s.scenario, behaviorIndex, detach(behavior, name, eventType)),
        scenarioRevision: s.scenarioRevision + 1,
      }));
    },

    saveTestEvent: (name, event) =>
      updateFunction(name, (fn) => {
        const list = (fn.testEvents ?? []).filter((e) => e.name !== event.name);
        return { ...fn, testEvents: [...list, event] };
      }),

    deleteTestEvent: (name, eventName) =>
      updateFunction(name, (fn) => ({
        ...fn,
        testEvents: (fn.testEvents ?? []).filter((e) => e.name !== eventName),
      })),

    createKvs: (name) => {
      const fn = get().scenario.functions?.find((f) => f.name === name);
      if (!fn) return `No function ${name}.`;
      if (fn.kind !== 'cloudfront-function' || fn.runtime === 'cloudfront-js-1.0')
        return 'KeyValueStore works only with CloudFront Functions on runtime cloudfront-js-2.0: switch the runtime first.';
      if (fn.kvs || fn.keyValueStoreName)
        return `${name} already has a KeyValueStore: CloudFront allows one store per function.`;
      updateFunction(name, (f) => ({ ...f, kvs: {} }));
      return null;
    },

    putKvsKey: (name, key, value, previousKey) => {
      const fn = get().scenario.functions?.find((f) => f.name === name);
      if (!fn?.kvs) return `${name} has no KeyValueStore: create one first.`;
      const rest = { ...fn.kvs };
      if (previousKey !== undefined && previousKey !== key) {
        if (Object.prototype.hasOwnProperty.call(rest, key))
          return `The store already has a key "${key}": pick another name or edit that key.`;
        delete rest[previousKey];
      }
      const problem = kvsPutProblem(rest, key, value);
      if (problem) return problem;
      updateFunction(name, (f) => ({ ...f, kvs: { ...rest, [key]: value } }));
      return null;
    },

    deleteKvsKey: (name, key) =>
      updateFunction(name, (fn) => {
        if (!fn.kvs) return fn;
        const kvs = { ...fn.kvs };
        delete kvs[key];
        return { ...fn, kvs };
      }),

    deleteKvs: (name) =>
      updateFunction(name, (fn) => {
        const next = { ...fn };
        delete next.kvs;
        return next;
      }),
  };
};
