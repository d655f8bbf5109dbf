// A viewer region's share of the scenario's traffic, typed in percent. Shares are relative: the
// engine divides each by their total, so the side panel shows what share that works out to.
import { memo } from 'react';
import { setViewerWeight, trafficShareError } from '../../../state/commands';
import { useAppStore } from '../../../state/store';
import { formatPercent } from '../../format';
import { EditorSection, TextField } from './fields';

/** 0.25 -> "25", 0.125 -> "12.5" */
const percentText = (weight: number) => String(Math.round(weight * 1000) / 10);

function ViewerEditor({ id }: { id: string }) {
  const viewers = useAppStore((s) => s.scenario.viewers);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const v = viewers?.find((x) => x.id === id);
  if (!v) return null;
  const total = (viewers ?? []).reduce((sum, x) => sum + x.weight, 0);
  return (
    <EditorSection title="Edit viewer region">
      <TextField
        label="Share of traffic (%)"
        value={percentText(v.weight)}
        inputMode="numeric"
        validate={trafficShareError}
        hint={`Relative to the other regions: ${formatPercent(total > 0 ? v.weight / total : null)} of all requests`}
        onCommit={(text) => applyEdit(setViewerWeight(id, Number(text) / 100))}
      />
    </EditorSection>
  );
}

export default memo(ViewerEditor);
