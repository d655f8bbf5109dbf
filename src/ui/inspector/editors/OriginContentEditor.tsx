// What the simulated origin sends: the Cache-Control header of its generated catalog and of each
// explicit object. This is how a learner "fixes the origin" (no-store -> max-age=0 to revalidate,
// a longer max-age instead of MinTTL). The simulated origin always sends an ETag (a version tag
// that changes with each deploy), so revalidation with If-None-Match works for every object.
import { memo } from 'react';
import type { SimulatedOrigin } from '../../../engine/scenario';
import { refuse, type Command } from '../../../state/commands';
import { useAppStore } from '../../../state/store';
import { cacheControlError } from './cacheControlText';
import { EditorSection, TextField } from './fields';

/** Explicit objects shown for editing; the rest are listed by count (presets carry a handful). */
const MAX_OBJECTS_SHOWN = 8;

function updateSimulation(
  id: string,
  label: string,
  patch: (s: SimulatedOrigin) => SimulatedOrigin,
): Command {
  return {
    label,
    perform: (scenario) => {
      const sim = scenario.originSimulation?.[id];
      if (!sim) refuse(`Origin "${id}" has no simulated content any more.`);
      return { ...scenario, originSimulation: { ...scenario.originSimulation, [id]: patch(sim) } };
    },
  };
}

/** The value stored for a header text: trimmed, or absent when empty. */
function headerValue(text: string): string | undefined {
  const t = text.trim();
  return t === '' ? undefined : t;
}

function OriginContentEditor({ id }: { id: string }) {
  const sim = useAppStore((s) => s.scenario.originSimulation?.[id]);
  const applyEdit = useAppStore((s) => s.applyEdit);
  if (!sim || (!sim.catalog && !sim.objects?.length)) return null;
  const catalog = sim.catalog;
  const objects = sim.objects ?? [];

  return (
    <EditorSection title="Origin content">
      <p className="editor-note">
        What this simulated origin answers. Every object carries an ETag, so expired copies are revalidated
        (304 Not Modified, RefreshHit) instead of downloaded again.
      </p>
      {catalog && (
        <TextField
          label={`Cache-Control for ${catalog.count.toLocaleString('en-US')} objects under ${catalog.pathPrefix}`}
          value={catalog.cacheControl ?? ''}
          validate={cacheControlError}
          hint="e.g. max-age=3600, no-cache, max-age=0, no-store; empty: no header (the behavior's default TTL applies)"
          onCommit={(t) =>
            applyEdit(
              updateSimulation(id, `Origin ${id} sends Cache-Control: ${t.trim() || '(none)'}`, (s) => ({
                ...s,
                catalog: s.catalog && { ...s.catalog, cacheControl: headerValue(t) },
              })),
            )
          }
        />
      )}
      {objects.slice(0, MAX_OBJECTS_SHOWN).map((o, i) => (
        <TextField
          key={o.path}
          label={`Cache-Control for ${o.path}`}
          value={o.cacheControl ?? ''}
          validate={cacheControlError}
          onCommit={(t) =>
            applyEdit(
              updateSimulation(id, `${o.path} sends Cache-Control: ${t.trim() || '(none)'}`, (s) => ({
                ...s,
                objects: (s.objects ?? []).map((x, j) =>
                  j === i ? { ...x, cacheControl: headerValue(t) } : x,
                ),
              })),
            )
          }
        />
      ))}
      {objects.length > MAX_OBJECTS_SHOWN && (
        <p className="muted">
          {objects.length - MAX_OBJECTS_SHOWN} more objects: edit them in the scenario JSON.
        </p>
      )}
    </EditorSection>
  );
}

export default memo(OriginContentEditor);
