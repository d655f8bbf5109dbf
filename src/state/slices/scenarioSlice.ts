// The scenario being edited, plus what is selected in it. Edits the engine must see bump
// `scenarioRevision`; canvas moves do not (they change only the drawing).
import type { StateCreator } from 'zustand';
import { cloneDefaultScenario } from '../../scenario/presets/default';
import type { CacheBehavior, EdgeFunction, FunctionEventType, Scenario } from '../../engine/scenario';
import { NEW_FUNCTION_TEMPLATE, uniqueName, type FunctionTemplate } from '../functionTemplates';
import type { AppState } from '../store';

export interface ScenarioSlice {
  scenario: Scenario;
  scenarioRevision: number;
  selectedNodeId: string | null;
  /** the edge function open in the editor */
  openFunctionName: string | null;
  selectNode: (id: string | null) => void;
  moveNode: (id: string, position: { x: number; y: number }) => void;
  /** Creates a function from a template and attaches it to the default behavior when that event is free. Returns its name. */
  addFunction: (template?: FunctionTemplate) => string;
  setFunctionCode: (name: string, code: string) => void;
  openFunction: (name: string | null) => void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set, get) => ({
  scenario: cloneDefaultScenario(),
  scenarioRevision: 0,
  selectedNodeId: null,
  openFunctionName: null,

  selectNode: (id) => set({ selectedNodeId: id }),

  moveNode: (id, position) =>
    set((s) => ({ scenario: { ...s.scenario, layout: { ...s.scenario.layout, [id]: position } } })),

  addFunction: (template = NEW_FUNCTION_TEMPLATE) => {
    const { scenario } = get();
    const functions = scenario.functions ?? [];
    const name = uniqueName(template.id, new Set(functions.map((f) => f.name)));
    const fn: EdgeFunction = { name, kind: template.kind, code: template.code };
    if (template.runtime) fn.runtime = template.runtime;
    set((s) => ({
      scenario: {
        ...scenario,
        functions: [...functions, fn],
        distribution: {
          ...scenario.distribution,
          defaultCacheBehavior: associate(scenario.distribution.defaultCacheBehavior, template, name),
        },
      },
      scenarioRevision: s.scenarioRevision + 1,
      openFunctionName: name,
    }));
    return name;
  },

  setFunctionCode: (name, code) =>
    set((s) => {
      const functions = s.scenario.functions ?? [];
      const i = functions.findIndex((f) => f.name === name);
      if (i < 0 || functions[i].code === code) return s;
      const next = functions.slice();
      next[i] = { ...functions[i], code };
      return { scenario: { ...s.scenario, functions: next }, scenarioRevision: s.scenarioRevision + 1 };
    }),

  openFunction: (name) => set({ openFunctionName: name }),
});

/**
 * Attaches a new function to a behavior when its event is free there. CloudFront allows one
 * function per event type and behavior, and CloudFront Functions and Lambda@Edge cannot share
 * the viewer events of one behavior (spec §8.1); an occupied event leaves the function unattached.
 */
function associate(behavior: CacheBehavior, template: FunctionTemplate, name: string): CacheBehavior {
  const cf = behavior.functionAssociations ?? [];
  const lambda = behavior.lambdaFunctionAssociations ?? [];
  const isViewerEvent = (e: string) => e === 'viewer-request' || e === 'viewer-response';
  if (
    cf.some((a) => a.eventType === template.eventType) ||
    lambda.some((a) => a.eventType === template.eventType)
  ) {
    return behavior;
  }
  if (template.kind === 'cloudfront-function') {
    if (!isViewerEvent(template.eventType) || lambda.some((a) => isViewerEvent(a.eventType))) return behavior;
    const eventType = template.eventType as FunctionEventType;
    return { ...behavior, functionAssociations: [...cf, { eventType, functionName: name }] };
  }
  if (isViewerEvent(template.eventType) && cf.length > 0) return behavior;
  return {
    ...behavior,
    lambdaFunctionAssociations: [...lambda, { eventType: template.eventType, functionName: name }],
  };
}
