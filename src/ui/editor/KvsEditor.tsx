// The KeyValueStore of one CloudFront Function: its own store or a named store shared with other
// functions (KvsStorePicker), add / edit / delete keys, with CloudFront's quotas (key 512 bytes,
// value 1 KB, store 5 MB, each store) counted as the user types and enforced by the store
// (functionsSlice / kvsStoresSlice + engine/functions/kvs.ts). The data travels with the scenario,
// so the test panel and the simulation read it through `cf.kvs()`.
import { memo, useMemo, useState } from 'react';
import { kvsStoreBytes } from '../../engine/functions/kvs';
import { formatBytes, KEY_VALUE_STORE_LIMITS as L } from '../../engine/functions/limits';
import { useAppStore } from '../../state/store';
import KvsStorePicker from './KvsStorePicker';

const utf8 = new TextEncoder();
const bytesOf = (s: string) => utf8.encode(s).length;
/** Rows drawn at once: a 5 MB store can hold thousands of keys; the filter finds the rest. */
const MAX_ROWS = 100;

const USAGE =
  "import cf from 'cloudfront';\nconst kvs = cf.kvs();\n// in an async handler:\nconst v = await kvs.get('key');";

function Counter({ label, bytes, max }: { label: string; bytes: number; max: number }) {
  const over = bytes > max;
  return (
    <span className={`size-counter${over ? ' is-over' : ''}`}>
      {label} {bytes.toLocaleString('en-US')} / {max.toLocaleString('en-US')} bytes{over ? ' (too long)' : ''}
    </span>
  );
}

function KvsEditor({ name }: { name: string }) {
  const fn = useAppStore((s) => s.scenario.functions?.find((f) => f.name === name));
  const createKvs = useAppStore((s) => s.createKvs);
  const putKvsKey = useAppStore((s) => s.putKvsKey);
  const deleteKvsKey = useAppStore((s) => s.deleteKvsKey);
  const deleteKvs = useAppStore((s) => s.deleteKvs);
  const setSettings = useAppStore((s) => s.setFunctionSettings);
  const sharedStores = useAppStore((s) => s.scenario.keyValueStores);
  const putStoreKey = useAppStore((s) => s.putStoreKey);
  const deleteStoreKey = useAppStore((s) => s.deleteStoreKey);
  const deleteNamedStore = useAppStore((s) => s.deleteNamedStore);

  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);

  // a named store's data when the function is associated with one, else its own
  const shared = fn?.keyValueStoreName;
  const store = shared !== undefined ? sharedStores?.[shared]?.data : fn?.kvs;
  const keys = useMemo(() => (store ? Object.keys(store) : []), [store]);
  const total = useMemo(() => (store ? kvsStoreBytes(store) : 0), [store]);
  const shown = useMemo(() => {
    const f = filter.trim();
    return (f ? keys.filter((k) => k.includes(f)) : keys).slice(0, MAX_ROWS);
  }, [keys, filter]);

  if (!fn || fn.kind !== 'cloudfront-function') return null;
  const v1 = fn.runtime === 'cloudfront-js-1.0';

  const say = (text: string, problem = false) => setMessage({ text, problem });
  const reset = () => {
    setKey('');
    setValue('');
    setEditing(null);
  };
  const save = () => {
    const problem =
      shared !== undefined
        ? putStoreKey(shared, key, value, editing ?? undefined)
        : putKvsKey(name, key, value, editing ?? undefined);
    if (problem) return say(problem, true);
    say(
      `${editing !== null ? 'Saved' : 'Added'} key “${key}”. The test panel reads it now; press Reset to run it.`,
    );
    reset();
  };

  return (
    <section className="kvs-editor" aria-label="KeyValueStore">
      <h3>KeyValueStore</h3>
      <p className="muted kvs-editor__limits">
        CloudFront quotas: one store per function (a store may serve several) · key ≤ {L.maxKeyBytes} bytes ·
        value ≤ {formatBytes(L.maxValueBytes)} · store ≤ {formatBytes(L.maxStoreBytes)}. Runtime
        cloudfront-js-2.0 only.
      </p>
      {v1 ? (
        <p role="note" className="kvs-editor__warning">
          {store
            ? `This store (${keys.length} keys) is kept but not associated: KeyValueStore needs runtime cloudfront-js-2.0.`
            : 'KeyValueStore needs runtime cloudfront-js-2.0.'}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setSettings(name, { runtime: 'cloudfront-js-2.0' })}
          >
            Switch to cloudfront-js-2.0
          </button>
        </p>
      ) : null}
      {!v1 && <KvsStorePicker name={name} say={say} />}
      {!v1 && !store ? (
        <>
          <p className="muted">
            No store yet. A KeyValueStore holds data (redirect maps, flags, allow lists) that the function
            reads at the edge and that changes without touching the code.
          </p>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              const problem = createKvs(name);
              if (problem) say(problem, true);
              else say('Store created and associated with this function. Add a key.');
            }}
          >
            Create KeyValueStore
          </button>
        </>
      ) : null}

      {store && !v1 && (
        <>
          <p className="kvs-editor__usage" data-testid="kvs-usage">
            {keys.length.toLocaleString('en-US')} {keys.length === 1 ? 'key' : 'keys'} ·{' '}
            <Counter label="store" bytes={total} max={L.maxStoreBytes} />
          </p>
          <pre className="test-result__pre" aria-label="How to read the store">
            {USAGE}
          </pre>
          {keys.length > 10 && (
            <label>
              Find key{' '}
              <input
                type="text"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                spellCheck={false}
              />
            </label>
          )}
          {keys.length > 0 && (
            <table className="kvs-editor__table">
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Value</th>
                  <th scope="col" aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {shown.map((k) => (
                  <tr key={k}>
                    <td className="kvs-editor__cell">{k}</td>
                    <td className="kvs-editor__cell">{store[k]}</td>
                    <td className="kvs-editor__actions">
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Edit key ${k}`}
                        onClick={() => {
                          setEditing(k);
                          setKey(k);
                          setValue(store[k]);
                          setMessage(null);
                        }}
                      >
                        edit
                      </button>{' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Delete key ${k}`}
                        onClick={() => {
                          if (shared !== undefined) deleteStoreKey(shared, k);
                          else deleteKvsKey(name, k);
                          if (editing === k) reset();
                          say(`Deleted key “${k}”.`);
                        }}
                      >
                        delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {shown.length <
            (filter.trim() ? keys.filter((k) => k.includes(filter.trim())).length : keys.length) && (
            <p className="muted">Showing the first {MAX_ROWS} keys: use “Find key” to reach the others.</p>
          )}
          <form
            className="kvs-editor__form"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <label>
              Key
              <input type="text" value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} />
            </label>
            <Counter label="key" bytes={bytesOf(key)} max={L.maxKeyBytes} />
            <label>
              Value
              <textarea
                rows={2}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                spellCheck={false}
              />
            </label>
            <Counter label="value" bytes={bytesOf(value)} max={L.maxValueBytes} />
            <div className="test-panel__row">
              <button type="submit" className="btn btn--small btn--primary">
                {editing !== null ? 'Save key' : 'Add key'}
              </button>
              {editing !== null && (
                <button type="button" className="btn btn--small" onClick={reset}>
                  Cancel edit
                </button>
              )}
              <button
                type="button"
                className="btn btn--small"
                onClick={() => {
                  const question =
                    shared !== undefined
                      ? `Delete the shared KeyValueStore “${shared}” and its ${keys.length} keys? Every function using it loses it.`
                      : `Delete the KeyValueStore of ${name} and its ${keys.length} keys?`;
                  if (!window.confirm(question)) return;
                  if (shared !== undefined) deleteNamedStore(shared);
                  else deleteKvs(name);
                  reset();
                  say('Store deleted.');
                }}
              >
                Delete store
              </button>
            </div>
          </form>
        </>
      )}
      {message && (
        <p
          role={message.problem ? 'alert' : 'status'}
          className={message.problem ? 'test-panel__error' : 'muted'}
          data-testid="kvs-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

export default memo(KvsEditor);
