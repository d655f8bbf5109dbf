// User edits as commands (see types.ts). The history slice runs them; the UI builds them.
export * from './types';
export * from './nodeIds';
export * from './layout';
export * from './topology';
export * from './origins';
export * from './behaviors';
export * from './connect';
export * from './removeNode';
export * from './fieldRules';
export * from './editing';
