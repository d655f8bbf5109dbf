// The distribution's behaviors in precedence order, with Move up / Move down buttons (keyboard
// reachable) and "+ Add". The default (*) is always last and does not move.
import { memo } from 'react';
import { addBehavior, behaviorId, moveBehavior } from '../../../state/commands';
import { useAppStore } from '../../../state/store';

function BehaviorOrder() {
  const behaviors = useAppStore((s) => s.scenario.distribution.cacheBehaviors);
  const defaultTarget = useAppStore((s) => s.scenario.distribution.defaultCacheBehavior.targetOriginId);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const selectNode = useAppStore((s) => s.selectNode);
  const list = behaviors ?? [];
  return (
    <section aria-label="Cache behaviors in precedence order">
      <p className="editor-note">Cache behaviors, first match wins. Edits apply when you press Reset.</p>
      <ol className="behavior-order" data-testid="behavior-order">
        {list.map((b, i) => (
          <li key={`${i}:${b.pathPattern}`}>
            <span aria-hidden="true">{i + 1}.</span>
            <button
              type="button"
              className="link-button behavior-order__name"
              onClick={() => selectNode(behaviorId(i))}
            >
              {b.pathPattern} → {b.targetOriginId}
            </button>
            <button
              type="button"
              className="btn btn--small"
              disabled={i === 0}
              onClick={() => applyEdit(moveBehavior(i, -1))}
              aria-label={`Move ${b.pathPattern} up`}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn--small"
              disabled={i === list.length - 1}
              onClick={() => applyEdit(moveBehavior(i, 1))}
              aria-label={`Move ${b.pathPattern} down`}
            >
              ↓
            </button>
          </li>
        ))}
        <li>
          <span aria-hidden="true">–</span>
          <button
            type="button"
            className="link-button behavior-order__name"
            onClick={() => selectNode(behaviorId('default'))}
          >
            Default (*) → {defaultTarget}
          </button>
        </li>
      </ol>
      <button type="button" className="btn btn--small" onClick={() => applyEdit(addBehavior())}>
        + Add behavior
      </button>
    </section>
  );
}

export default memo(BehaviorOrder);
