// An origin, with the console's names and limits: domain, origin path, connection attempts (1-3),
// connection timeout (1-10 s), response (read) timeout (1-60 s, custom origins), Origin Shield.
import { memo } from 'react';
import type { Origin } from '../../../engine/scenario';
import { ORIGIN_SHIELD_REGIONS } from '../../../scenario/limits';
import {
  integerError,
  ORIGIN_LIMITS,
  originDomainError,
  originPathError,
  removeOrigin,
  updateOrigin,
} from '../../../state/commands';
import { suggestedShieldRegion } from '../../../engine/geo';
import { useAppStore } from '../../../state/store';
import { CheckField, EditorSection, SelectField, TextField } from './fields';

function OriginEditor({ id }: { id: string }) {
  const origin = useAppStore((s) => s.scenario.distribution.origins.find((o) => o.id === id));
  const applyEdit = useAppStore((s) => s.applyEdit);
  if (!origin) return null;
  const patch = (label: string, f: (o: Origin) => Origin) => applyEdit(updateOrigin(id, f, label));
  const [attMin, attMax] = ORIGIN_LIMITS.connectionAttempts;
  const [ctMin, ctMax] = ORIGIN_LIMITS.connectionTimeout;
  const [rtMin, rtMax] = ORIGIN_LIMITS.originReadTimeout;
  const custom = origin.customOriginConfig;
  const shieldOn = origin.originShield?.enabled ?? false;
  const shieldRegion =
    origin.originShield?.originShieldRegion ??
    suggestedShieldRegion(origin.region ?? 'us-east-1') ??
    'us-east-1';

  return (
    <EditorSection title="Edit origin">
      <p className="editor-note">
        {origin.s3OriginConfig
          ? `S3 origin${origin.originAccessControlId ? ' with origin access control' : ' (no OAC)'}`
          : 'Custom origin'}
      </p>
      <TextField
        label="Origin domain"
        value={origin.domainName}
        validate={originDomainError}
        onCommit={(t) => patch(`Set origin domain ${t}`, (o) => ({ ...o, domainName: t.trim() }))}
      />
      <TextField
        label="Origin path"
        value={origin.originPath ?? ''}
        validate={originPathError}
        onCommit={(t) =>
          patch('Set origin path', (o) => {
            const { originPath: _p, ...rest } = o;
            return t === '' ? rest : { ...rest, originPath: t };
          })
        }
        hint="Optional, e.g. /production"
      />
      <TextField
        label="Connection attempts"
        inputMode="numeric"
        value={String(origin.connectionAttempts ?? 3)}
        validate={(t) => integerError(t, 'Connection attempts', attMin, attMax)}
        onCommit={(t) =>
          patch('Set connection attempts', (o) => ({ ...o, connectionAttempts: Number(t.trim()) }))
        }
      />
      <TextField
        label="Connection timeout (seconds)"
        inputMode="numeric"
        value={String(origin.connectionTimeout ?? 10)}
        validate={(t) => integerError(t, 'Connection timeout', ctMin, ctMax, ' seconds')}
        onCommit={(t) =>
          patch('Set connection timeout', (o) => ({ ...o, connectionTimeout: Number(t.trim()) }))
        }
      />
      {custom && (
        <TextField
          label="Response timeout (seconds)"
          inputMode="numeric"
          value={String(custom.originReadTimeout ?? 30)}
          validate={(t) => integerError(t, 'Response timeout', rtMin, rtMax, ' seconds')}
          onCommit={(t) =>
            patch('Set response timeout', (o) => ({
              ...o,
              customOriginConfig: { ...o.customOriginConfig, originReadTimeout: Number(t.trim()) },
            }))
          }
        />
      )}
      <CheckField
        label="Enable Origin Shield"
        checked={shieldOn}
        onChange={(v) =>
          patch(v ? 'Turn Origin Shield on' : 'Turn Origin Shield off', (o) => ({
            ...o,
            originShield: { enabled: v, originShieldRegion: shieldRegion },
          }))
        }
      />
      {shieldOn && (
        <SelectField
          label="Origin Shield region"
          value={shieldRegion}
          options={ORIGIN_SHIELD_REGIONS.map((r) => ({ value: r, label: r }))}
          onChange={(v) =>
            patch(`Origin Shield in ${v}`, (o) => ({
              ...o,
              originShield: { enabled: true, originShieldRegion: v },
            }))
          }
        />
      )}
      <button type="button" className="btn btn--small" onClick={() => applyEdit(removeOrigin(id))}>
        Delete origin
      </button>
    </EditorSection>
  );
}

export default memo(OriginEditor);
