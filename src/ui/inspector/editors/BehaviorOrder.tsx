// The distribution's behaviors in precedence order: drag one to a new place, or use the Move up /
// Move down buttons (keyboard reachable), and "+ Add". The default (*) is always last and does not move.
import { memo, useState, type DragEvent } from 'react';
import { addBehavior, behaviorId, moveBehavior, moveBehaviorTo } from '../../../state/commands';
import { useAppStore } from '../../../state/store';

const BEHAVIOR_MIME = 'application/x-edgelab-behavior';

function BehaviorOrder() {
  const behaviors = useAppStore((s) => s.scenario.distribution.cacheBehaviors);
  const defaultTarget = useAppStore((s) => s.scenario.distribution.defaultCacheBehavior.targetOriginId);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const selectNode = useAppStore((s) => s.selectNode);
  const list = behaviors ?? [];
  const [dropAt, setDropAt] = useState<number | null>(null);
  const onDragStart = (i: number) => (e: DragEvent) => {
    e.dataTransfer.setData(BEHAVIOR_MIME, String(i));
    e.dataTransfer.effectAllowed = 'move';
  };
  const onDragOver = (i: number) => (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(BEHAVIOR_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropAt !== i) setDropAt(i);
  };
  const onDrop = (i: number) => (e: DragEvent) => {
    const from = Number(e.dataTransfer.getData(BEHAVIOR_MIME));
    setDropAt(null);
    if (!Number.isInteger(from) || from === i) return;
    e.preventDefault();
    applyEdit(moveBehaviorTo(from, i));
  };
  return (
    <section aria-label="Cache behaviors in precedence order">
      <p className="editor-note">
        Cache behaviors, first match wins. Edits apply to a running simulation at once.
      </p>
      <ol className="behavior-order" data-testid="behavior-order">
        {list.map((b, i) => (
          <li
            key={`${i}:${b.pathPattern}`}
            draggable
            onDragStart={onDragStart(i)}
            onDragOver={onDragOver(i)}
            onDragLeave={() => setDropAt(null)}
            onDrop={onDrop(i)}
            onDragEnd={() => setDropAt(null)}
            className={dropAt === i ? 'behavior-order__item is-drop-target' : 'behavior-order__item'}
            title="Drag to change the precedence"
            data-testid={`behavior-row-${i}`}
          >
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
