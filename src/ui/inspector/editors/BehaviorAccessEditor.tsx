// "Restrict viewer access" for a cache behavior, as in the console: with a trusted key group, the
// behavior serves only signed URLs or signed cookies (CloudFront answers 403 to the rest). The key
// groups and their public keys are part of the scenario (keyGroups, publicKeys); this picks one.
import { memo } from 'react';
import { getBehavior, updateBehavior, type BehaviorRef } from '../../../state/commands';
import { useAppStore } from '../../../state/store';
import { EditorSection, SelectField } from './fields';

const NONE = '';

function BehaviorAccessEditor({ behavior }: { behavior: BehaviorRef }) {
  const scenario = useAppStore((s) => s.scenario);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const b = getBehavior(scenario, behavior);
  const groups = Object.entries(scenario.keyGroups ?? {});
  // Nothing to choose from and nothing set: the section would only add noise.
  if (!b || (groups.length === 0 && !b.trustedKeyGroups?.length)) return null;
  const current = b.trustedKeyGroups?.[0] ?? NONE;
  const options = [
    { value: NONE, label: 'No: anyone can request these paths' },
    ...groups.map(([id, keys]) => ({
      value: id,
      label: `${id} (${keys.length} public key${keys.length === 1 ? '' : 's'})`,
    })),
  ];

  return (
    <EditorSection title="Restrict viewer access">
      <SelectField
        label="Trusted key group"
        value={current}
        options={options}
        onChange={(v) =>
          applyEdit(
            updateBehavior(
              behavior,
              (x) => {
                const { trustedKeyGroups: _old, ...rest } = x;
                return v === NONE ? rest : { ...rest, trustedKeyGroups: [v] };
              },
              v === NONE ? 'Allow unsigned requests' : `Require URLs signed by key group ${v}`,
            ),
          )
        }
      />
      <p className="muted">
        {current === NONE
          ? 'Unsigned requests are served.'
          : 'Only signed URLs or signed cookies are served; other requests get 403 before the cache.'}
      </p>
    </EditorSection>
  );
}

export default memo(BehaviorAccessEditor);
