// Versioned migrations for scenario documents (links and files live forever; the format does not).
// Each step upgrades a document from `from` to `from + 1`; parseScenario runs them before zod, so the
// schema only ever sees the current version. A document without `version` is version 0.
import { ScenarioError } from '../engine/errors';
import { SCENARIO_VERSION } from '../engine/scenario';

type Doc = Record<string, unknown>;

interface Migration {
  from: number;
  /** what changed, for the changelog and for anyone reading an old link */
  note: string;
  up(doc: Doc): Doc;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    note:
      'Version 0 (drafts before the format was versioned) had no version, seed or name, and called the ' +
      "traffic rate `rps`. Version 1 adds `version`, defaults `seed` to 42 and `name` to 'Untitled scenario', " +
      'and renames traffic.rps to traffic.requestsPerSecond.',
    up(doc) {
      const out: Doc = { ...doc, version: 1 };
      if (out.seed === undefined) out.seed = 42;
      if (out.name === undefined) out.name = 'Untitled scenario';
      const traffic = out.traffic;
      if (isObject(traffic) && 'rps' in traffic && !('requestsPerSecond' in traffic)) {
        const { rps, ...rest } = traffic;
        out.traffic = { ...rest, requestsPerSecond: rps };
      }
      return out;
    },
  },
];

function isObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Upgrades any supported version to SCENARIO_VERSION. Throws ScenarioError for documents it cannot read. */
export function migrateScenario(input: unknown): unknown {
  if (!isObject(input)) {
    throw new ScenarioError(
      `(document): a scenario must be a JSON object (got ${Array.isArray(input) ? 'a list' : input === null ? 'null' : typeof input}); ` +
        'paste or load a scenario saved by EdgeLab',
    );
  }
  const raw = input.version ?? 0;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    throw new ScenarioError(
      `version: must be a whole number such as ${SCENARIO_VERSION} (got ${JSON.stringify(raw)})`,
      'version',
    );
  }
  if (raw > SCENARIO_VERSION) {
    throw new ScenarioError(
      `version: this link was made by a newer EdgeLab (version ${raw}); update the app (this one reads up to version ${SCENARIO_VERSION})`,
      'version',
    );
  }
  let doc: Doc = input;
  for (let v = raw; v < SCENARIO_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step)
      throw new ScenarioError(
        `version: no migration from version ${v}; this document cannot be read`,
        'version',
      );
    doc = step.up(doc);
  }
  return doc;
}
