// Which KeyValueStore a CloudFront Function reads: its own store or a named store that several
// functions share (CloudFront: one store per function, one store for many functions), and a
// form that creates a named store (the function's own keys move into it).
import { memo, useState } from 'react';
import { functionsUsingStore } from '../../state/slices/kvsStoresSlice';
import { useAppStore } from '../../state/store';

interface Props {
  name: string;
  /** shows the outcome of an action below the editor (problem = an alert) */
  say: (text: string, problem?: boolean) => void;
}

function KvsStorePicker({ name, say }: Props) {
  const fn = useAppStore((s) => s.scenario.functions?.find((f) => f.name === name));
  const stores = useAppStore((s) => s.scenario.keyValueStores);
  const users = useAppStore((s) =>
    fn?.keyValueStoreName ? functionsUsingStore(s.scenario, fn.keyValueStoreName).join(', ') : '',
  );
  const associateStore = useAppStore((s) => s.associateStore);
  const createNamedStore = useAppStore((s) => s.createNamedStore);
  const [newName, setNewName] = useState('');
  if (!fn) return null;

  const shared = fn.keyValueStoreName;
  const names = Object.keys(stores ?? {});
  const ownKeys = fn.kvs ? Object.keys(fn.kvs).length : 0;

  return (
    <div className="kvs-editor__picker">
      {names.length > 0 && (
        <label>
          Associated store{' '}
          <select
            value={shared ?? ''}
            onChange={(e) => {
              const next = e.target.value === '' ? null : e.target.value;
              const problem = associateStore(name, next);
              if (problem) say(problem, true);
              else
                say(
                  next === null
                    ? 'This function now uses its own store.'
                    : `Associated with the shared store “${next}”. Press Reset to run it.`,
                );
            }}
          >
            <option value="">This function&apos;s own store</option>
            {names.map((n) => {
              const count = Object.keys(stores?.[n]?.data ?? {}).length;
              return (
                <option key={n} value={n}>
                  {`${n} (shared, ${count.toLocaleString('en-US')} ${count === 1 ? 'key' : 'keys'})`}
                </option>
              );
            })}
          </select>
        </label>
      )}
      {shared && (
        <p className="muted" data-testid="kvs-shared-note">
          Shared store “{shared}”, used by {users}. An edit here is seen by every function using it.
        </p>
      )}
      {!shared && (
        <form
          className="kvs-editor__create-shared"
          onSubmit={(e) => {
            e.preventDefault();
            const problem = createNamedStore(newName, name);
            if (problem) return say(problem, true);
            say(
              `Created the shared store “${newName.trim()}”${ownKeys > 0 ? ` with this function's ${ownKeys} ${ownKeys === 1 ? 'key' : 'keys'}` : ''}. Other functions can now pick it.`,
            );
            setNewName('');
          }}
        >
          <label>
            New shared store name{' '}
            <input
              type="text"
              value={newName}
              maxLength={64}
              placeholder="e.g. site-config"
              onChange={(e) => setNewName(e.target.value)}
              spellCheck={false}
            />
          </label>{' '}
          <button type="submit" className="btn btn--small">
            Create shared store
          </button>
        </form>
      )}
    </div>
  );
}

export default memo(KvsStorePicker);
