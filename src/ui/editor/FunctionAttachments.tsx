// Where one function runs (behavior + event type), with Detach, and a form to attach it
// elsewhere. CloudFront's rules are enforced by the store; a refusal is shown as a short reason.
import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  EVENT_TYPES,
  associationsOf,
  attachRefusal,
  behaviorAt,
  behaviorLabel,
  type AnyEventType,
} from '../../state/slices/functionsSlice';
import { useAppStore } from '../../state/store';

function FunctionAttachments({ name }: { name: string }) {
  const kind = useAppStore((s) => s.scenario.functions?.find((f) => f.name === name)?.kind);
  const attached = useAppStore(
    useShallow((s) =>
      associationsOf(s.scenario, name).map(
        (a) => `${a.index}|${a.eventType}|${behaviorLabel(s.scenario, a.index)}`,
      ),
    ),
  );
  const behaviors = useAppStore(
    useShallow((s) =>
      [-1, ...(s.scenario.distribution.cacheBehaviors ?? []).map((_, i) => i)].map((i) =>
        behaviorLabel(s.scenario, i),
      ),
    ),
  );
  const attach = useAppStore((s) => s.attachFunction);
  const detach = useAppStore((s) => s.detachFunction);
  const [behavior, setBehavior] = useState(-1);
  const [eventType, setEventType] = useState<AnyEventType | null>(null);
  // Until the user picks one, offer the first event type the function may go on.
  const firstFree = useAppStore((s) => {
    const fn = s.scenario.functions?.find((f) => f.name === name);
    const b = behaviorAt(s.scenario, behavior);
    if (!fn || !b) return null;
    return EVENT_TYPES[fn.kind].find((t) => attachRefusal(b, fn, t) === null) ?? null;
  });
  const [message, setMessage] = useState<string | null>(null);

  if (!kind) return null;
  const types = EVENT_TYPES[kind];
  const chosenType = eventType && types.includes(eventType) ? eventType : (firstFree ?? types[0]);

  return (
    <div className="function-attach">
      {attached.length > 0 && (
        <ul className="function-attach__list" aria-label={`Where ${name} runs`}>
          {attached.map((key) => {
            const [index, et, label] = key.split('|');
            return (
              <li key={key}>
                {label} · {et}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Detach ${name} from ${label} ${et}`}
                  onClick={() => {
                    setMessage(null);
                    detach(name, Number(index), et as AnyEventType);
                  }}
                >
                  detach
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="function-attach__form">
        <select
          aria-label={`Behavior to attach ${name} to`}
          value={behavior}
          onChange={(e) => setBehavior(Number(e.target.value))}
        >
          {behaviors.map((label, i) => (
            <option key={i} value={i - 1}>
              {label}
            </option>
          ))}
        </select>
        <select
          aria-label={`Event type to attach ${name} to`}
          value={chosenType}
          onChange={(e) => setEventType(e.target.value as AnyEventType)}
        >
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => {
            const refusal = attach(name, behavior, chosenType);
            setMessage(
              refusal ?? `Attached to ${behaviors[behavior + 1]} ${chosenType}. Press Reset to run it.`,
            );
          }}
        >
          Attach
        </button>
      </div>
      {message && (
        <p className="function-attach__message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

export default memo(FunctionAttachments);
