// A cache behavior, with the console's names: path pattern, origin, viewer protocol policy,
// allowed and cached HTTP methods, cache policy (managed) or legacy TTLs, compression.
import { memo } from 'react';
import { MANAGED_CACHE_POLICIES } from '../../../engine/policies/managed';
import type { CacheBehavior, ViewerProtocolPolicy } from '../../../engine/scenario';
import { ALLOWED_METHOD_SETS, CACHED_METHOD_SETS, LEGACY_TTL_DEFAULTS } from '../../../scenario/limits';
import {
  getBehavior,
  moveBehavior,
  pathPatternError,
  removeBehavior,
  setCachePolicy,
  ttlError,
  updateBehavior,
  type BehaviorRef,
  type Ttls,
} from '../../../state/commands';
import { useAppStore } from '../../../state/store';
import { CheckField, EditorSection, SelectField, TextField } from './fields';

const PROTOCOLS: { value: ViewerProtocolPolicy; label: string }[] = [
  { value: 'allow-all', label: 'HTTP and HTTPS' },
  { value: 'redirect-to-https', label: 'Redirect HTTP to HTTPS' },
  { value: 'https-only', label: 'HTTPS only' },
];
const setLabel = (set: readonly string[]) => set.join(', ');
const LEGACY = 'legacy';

function BehaviorEditor({ behavior: behaviorRef }: { behavior: BehaviorRef }) {
  const scenario = useAppStore((s) => s.scenario);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const b = getBehavior(scenario, behaviorRef);
  if (!b) return null;
  const d = scenario.distribution;
  const ordered = d.cacheBehaviors ?? [];
  const patch = (label: string, f: (x: CacheBehavior) => CacheBehavior) =>
    applyEdit(updateBehavior(behaviorRef, f, label));

  const targets = [
    ...d.origins.map((o) => ({ value: o.id, label: `Origin ${o.id}` })),
    ...(d.originGroups ?? []).map((g) => ({ value: g.id, label: `Origin group ${g.id}` })),
  ];
  const allowedIdx = Math.max(
    0,
    ALLOWED_METHOD_SETS.findIndex((s) => setLabel(s) === setLabel(b.allowedMethods)),
  );
  const cachedIdx = Math.max(
    0,
    CACHED_METHOD_SETS.findIndex((s) => setLabel(s) === setLabel(b.cachedMethods)),
  );
  const policies = [
    ...Object.entries(MANAGED_CACHE_POLICIES).map(([id, p]) => ({ value: id, label: p.name })),
    ...Object.entries(scenario.cachePolicies ?? {}).map(([id, p]) => ({
      value: id,
      label: `${p.name} (custom)`,
    })),
    { value: LEGACY, label: 'Legacy cache settings (TTLs)' },
  ];
  const ttls: Ttls = {
    minTtl: b.minTtl ?? LEGACY_TTL_DEFAULTS.minTtl,
    defaultTtl: b.defaultTtl ?? LEGACY_TTL_DEFAULTS.defaultTtl,
    maxTtl: b.maxTtl ?? LEGACY_TTL_DEFAULTS.maxTtl,
  };
  const ttlField = (field: keyof Ttls, label: string) => (
    <TextField
      label={label}
      inputMode="numeric"
      value={String(ttls[field])}
      validate={(t) => ttlError(field, t, ttls)}
      onCommit={(t) => patch(`Set ${label}`, (x) => ({ ...x, ...ttls, [field]: Number(t.trim()) }))}
    />
  );

  return (
    <EditorSection title="Edit cache behavior">
      {behaviorRef === 'default' ? (
        <p className="editor-note">
          Path pattern: Default (*). It is evaluated last and matches every request.
        </p>
      ) : (
        <>
          <p className="editor-note" data-testid="behavior-precedence">
            Precedence {behaviorRef + 1} of {ordered.length} (then the default)
          </p>
          <TextField
            label="Path pattern"
            value={b.pathPattern ?? ''}
            validate={(t) =>
              pathPatternError(
                t,
                ordered.filter((_, i) => i !== behaviorRef).map((x) => x.pathPattern ?? ''),
              )
            }
            onCommit={(t) => patch(`Set path pattern ${t}`, (x) => ({ ...x, pathPattern: t }))}
            hint={`Up to 255 characters: A-Z a-z 0-9 _ - . $ / ~ " ' @ : + & and the wildcards * and ?`}
          />
        </>
      )}
      <SelectField
        label="Origin or origin group"
        value={b.targetOriginId}
        options={targets}
        onChange={(v) => patch(`Route to ${v}`, (x) => ({ ...x, targetOriginId: v }))}
      />
      <SelectField
        label="Viewer protocol policy"
        value={b.viewerProtocolPolicy}
        options={PROTOCOLS}
        onChange={(v) => patch(`Viewer protocol policy ${v}`, (x) => ({ ...x, viewerProtocolPolicy: v }))}
      />
      <SelectField
        label="Allowed HTTP methods"
        value={String(allowedIdx)}
        options={ALLOWED_METHOD_SETS.map((s, i) => ({ value: String(i), label: setLabel(s) }))}
        onChange={(v) =>
          patch('Set allowed HTTP methods', (x) => {
            const allowedMethods = [...ALLOWED_METHOD_SETS[Number(v)]];
            // Cached methods must be a subset of the allowed ones: OPTIONS is dropped with it.
            const cachedMethods = x.cachedMethods.filter((m) => allowedMethods.includes(m));
            return { ...x, allowedMethods, cachedMethods };
          })
        }
      />
      <SelectField
        label="Cached HTTP methods"
        value={String(cachedIdx)}
        options={CACHED_METHOD_SETS.filter((s) => s.every((m) => b.allowedMethods.includes(m))).map((s) => ({
          value: String(CACHED_METHOD_SETS.indexOf(s)),
          label: setLabel(s),
        }))}
        onChange={(v) =>
          patch('Set cached HTTP methods', (x) => ({
            ...x,
            cachedMethods: [...CACHED_METHOD_SETS[Number(v)]],
          }))
        }
      />
      <SelectField
        label="Cache policy"
        value={b.cachePolicyId ?? LEGACY}
        options={policies}
        onChange={(v) => applyEdit(setCachePolicy(behaviorRef, v === LEGACY ? null : v))}
      />
      {!b.cachePolicyId && (
        <fieldset className="codes" aria-label="Object caching (legacy)">
          {ttlField('minTtl', 'Minimum TTL')}
          {ttlField('defaultTtl', 'Default TTL')}
          {ttlField('maxTtl', 'Maximum TTL')}
        </fieldset>
      )}
      <CheckField
        label="Compress objects automatically"
        checked={b.compress ?? false}
        onChange={(v) =>
          patch(v ? 'Turn compression on' : 'Turn compression off', (x) => ({ ...x, compress: v }))
        }
      />
      {behaviorRef !== 'default' && (
        <div className="choice-dialog__actions">
          <button
            type="button"
            className="btn btn--small"
            disabled={behaviorRef === 0}
            onClick={() => applyEdit(moveBehavior(behaviorRef, -1))}
          >
            Move up
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={behaviorRef === ordered.length - 1}
            onClick={() => applyEdit(moveBehavior(behaviorRef, 1))}
          >
            Move down
          </button>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => applyEdit(removeBehavior(behaviorRef))}
          >
            Delete behavior
          </button>
        </div>
      )}
    </EditorSection>
  );
}

export default memo(BehaviorEditor);
