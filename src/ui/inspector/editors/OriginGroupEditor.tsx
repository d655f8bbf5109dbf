// An origin group: primary and secondary origins, and the status codes that trigger failover.
import { memo } from 'react';
import {
  failoverCodesError,
  FAILOVER_STATUS_CODES,
  removeOriginGroup,
  setGroupMember,
  updateOriginGroup,
} from '../../../state/commands';
import { useAppStore } from '../../../state/store';
import { EditorSection, SelectField } from './fields';

function OriginGroupEditor({ id }: { id: string }) {
  const d = useAppStore((s) => s.scenario.distribution);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const notify = useAppStore((s) => s.notifyCanvas);
  const group = (d.originGroups ?? []).find((g) => g.id === id);
  if (!group) return null;
  const origins = d.origins.map((o) => ({ value: o.id, label: o.id }));
  const codes = group.failoverCriteria.statusCodes;
  const error = failoverCodesError(codes);

  const toggle = (code: number, on: boolean) => {
    const next = on ? [...codes, code].sort((a, b) => a - b) : codes.filter((c) => c !== code);
    const why = failoverCodesError(next);
    if (why) return notify(why, 'refused');
    applyEdit(
      updateOriginGroup(
        id,
        (g) => ({ ...g, failoverCriteria: { statusCodes: next } }),
        `Failover codes ${next.join(', ')}`,
      ),
    );
  };

  return (
    <EditorSection title="Edit origin group">
      <SelectField
        label="Primary origin"
        value={group.members[0] ?? ''}
        options={origins}
        onChange={(v) => applyEdit(setGroupMember(id, 0, v))}
      />
      <SelectField
        label="Secondary origin"
        value={group.members[1] ?? ''}
        options={origins}
        onChange={(v) => applyEdit(setGroupMember(id, 1, v))}
      />
      <fieldset className="codes">
        <legend>Failover criteria (status codes)</legend>
        {FAILOVER_STATUS_CODES.map((c) => (
          <label key={c} className="field--check">
            <input
              type="checkbox"
              checked={codes.includes(c)}
              onChange={(e) => toggle(c, e.target.checked)}
            />
            {c}
          </label>
        ))}
      </fieldset>
      {error && <p className="field__error">{error}</p>}
      <button type="button" className="btn btn--small" onClick={() => applyEdit(removeOriginGroup(id))}>
        Delete origin group
      </button>
    </EditorSection>
  );
}

export default memo(OriginGroupEditor);
