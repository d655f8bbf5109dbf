// "Inspect a request like this" (from the canvas): a request the inspector's form starts from.
// A tiny store of its own, so the canvas can fill the form without the form's state moving into
// the app store; `id` changes with every prefill so the form remounts with the new values.
import { create } from 'zustand';

export interface RequestPrefill {
  id: number;
  method: string;
  url: string;
  /** viewer country, ISO code, or '' */
  country: string;
  /** 3-letter edge location code, or '' for the nearest */
  pop: string;
}

interface PrefillStore {
  prefill: RequestPrefill | null;
  setPrefill: (p: Omit<RequestPrefill, 'id'>) => void;
}

let nextId = 1;

export const useRequestPrefill = create<PrefillStore>()((set) => ({
  prefill: null,
  setPrefill: (p) => set({ prefill: { ...p, id: nextId++ } }),
}));
