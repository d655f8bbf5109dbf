// The one app store, combined from slices (zustand slices pattern). Components read it through
// narrow selectors; worker pushes arrive through the listener registered below.
import { create } from 'zustand';
import * as client from '../worker/client';
import { createChecksSlice, type ChecksSlice } from './slices/checksSlice';
import { createFunctionsSlice, type FunctionsSlice } from './slices/functionsSlice';
import { createHistorySlice, type HistorySlice } from './slices/historySlice';
import { createInspectorSlice, type InspectorSlice } from './slices/inspectorSlice';
import { createKvsStoresSlice, type KvsStoresSlice } from './slices/kvsStoresSlice';
import { createLessonsSlice, type LessonsSlice } from './slices/lessonsSlice';
import { createChallengesSlice, type ChallengesSlice } from './slices/challengesSlice';
import { createLogsSlice, type LogsSlice } from './slices/logsSlice';
import { createMetricsSlice, type MetricsSlice } from './slices/metricsSlice';
import { createScenarioIoSlice, type ScenarioIoSlice } from './slices/scenarioIoSlice';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenarioSlice';
import { createSimulationSlice, type SimulationSlice } from './slices/simulationSlice';

export type AppState = ScenarioSlice &
  SimulationSlice &
  MetricsSlice &
  InspectorSlice &
  ScenarioIoSlice &
  HistorySlice &
  FunctionsSlice &
  KvsStoresSlice &
  LogsSlice &
  LessonsSlice &
  ChallengesSlice &
  ChecksSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createScenarioSlice(...a),
  ...createSimulationSlice(...a),
  ...createMetricsSlice(...a),
  ...createInspectorSlice(...a),
  ...createScenarioIoSlice(...a),
  ...createHistorySlice(...a),
  ...createLogsSlice(...a),
  ...createFunctionsSlice(...a),
  ...createKvsStoresSlice(...a),
  ...createLessonsSlice(...a),
  ...createChallengesSlice(...a),
  ...createChecksSlice(...a),
}));

client.onBatch((batch) => useAppStore.getState().applyBatch(batch));
client.onCrash((error) => useAppStore.setState({ status: 'error', error, loadedRevision: null }));
