// "Test function", like the CloudFront console's: pick the event type, build the request (or edit
// the raw event JSON), run it in the worker's sandbox, and read the output, what changed, the
// logs, errors and compute utilization. Test events can be saved with the scenario.
import { memo, useMemo, useState } from 'react';
import { EVENT_TYPES, associationsOf, type AnyEventType } from '../../state/slices/functionsSlice';
import { withStoreData } from '../../state/slices/kvsStoresSlice';
import { useAppStore } from '../../state/store';
import * as client from '../../worker/client';
import type { TestFunctionResult } from '../../worker/client';
import { lineDiff, stableJson } from './lineDiff';
import { DEFAULT_FORM, buildTestEvent, inputCounterpart, type RequestForm } from './testEvents';
import TestFunctionResultView from './TestFunctionResult';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

interface Ran {
  result: TestFunctionResult;
  event: unknown;
}

function TestFunctionPanel({ name }: { name: string }) {
  const fn = useAppStore((s) => s.scenario.functions?.find((f) => f.name === name));
  const firstEvent = useAppStore((s) => associationsOf(s.scenario, name)[0]?.eventType);
  const saveTestEvent = useAppStore((s) => s.saveTestEvent);
  const deleteTestEvent = useAppStore((s) => s.deleteTestEvent);
  const kind = fn?.kind ?? 'cloudfront-function';
  const eventTypes = EVENT_TYPES[kind];

  const [chosenType, setEventType] = useState<AnyEventType | null>(null);
  const eventType: AnyEventType =
    chosenType && eventTypes.includes(chosenType) ? chosenType : (firstEvent ?? eventTypes[0]);
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [form, setForm] = useState<RequestForm>(DEFAULT_FORM);
  const [json, setJson] = useState('');
  const [eventName, setEventName] = useState('my-test');
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState<Ran | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const built = useMemo(() => buildTestEvent(kind, eventType, form), [kind, eventType, form]);

  /** The event to run: the form's, or the raw JSON (null and a problem when it does not parse). */
  const currentEvent = (): unknown => {
    if (mode === 'form') return built;
    try {
      return JSON.parse(json) as unknown;
    } catch (e) {
      setProblem(
        `The event JSON does not parse: ${e instanceof Error ? e.message : String(e)}. Fix it or go back to the form.`,
      );
      return null;
    }
  };

  const run = async () => {
    if (!fn) return;
    setProblem(null);
    const event = currentEvent();
    if (event === null) return;
    setRunning(true);
    try {
      // a shared store's data travels with the function (the worker sees only this function)
      const withStore = withStoreData(fn, useAppStore.getState().scenario.keyValueStores);
      setRan({ result: await client.testFunction(withStore, eventType, event), event });
    } catch (e) {
      setProblem(`The test could not run: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setRunning(false);
    }
  };

  const save = () => {
    const event = currentEvent();
    if (event === null || !eventName.trim()) return;
    saveTestEvent(name, { name: eventName.trim(), eventType, event });
  };

  const load = (saved: string) => {
    const t = fn?.testEvents?.find((e) => e.name === saved);
    if (!t) return;
    setEventName(t.name);
    if (eventTypes.includes(t.eventType as AnyEventType)) setEventType(t.eventType as AnyEventType);
    setJson(stableJson(t.event));
    setMode('json');
  };

  const diff = useMemo(() => {
    if (!ran || ran.result.output === null) return null;
    const before = stableJson(inputCounterpart(kind, ran.event, ran.result.output));
    return lineDiff(before, stableJson(ran.result.output));
  }, [ran, kind]);

  if (!fn) return null;
  const field = (key: keyof RequestForm) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  return (
    <section className="test-panel" aria-label="Test function">
      <h3>Test function</h3>
      <div className="test-panel__row">
        <label>
          Event type{' '}
          <select value={eventType} onChange={(e) => setEventType(e.target.value as AnyEventType)}>
            {eventTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <div role="group" aria-label="Event input" className="test-panel__modes">
          <button
            type="button"
            className="btn btn--small"
            aria-pressed={mode === 'form'}
            onClick={() => setMode('form')}
          >
            Request form
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-pressed={mode === 'json'}
            onClick={() => {
              setJson(stableJson(built));
              setMode('json');
            }}
          >
            Raw event JSON
          </button>
        </div>
      </div>

      {mode === 'form' ? (
        <div className="test-panel__form">
          <label>
            Method
            <select {...field('method')}>
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label>
            URI
            <input type="text" {...field('uri')} spellCheck={false} />
          </label>
          <label>
            Query string
            <input type="text" {...field('query')} placeholder="page=1&sort=asc" spellCheck={false} />
          </label>
          <label>
            Headers (one “name: value” a line)
            <textarea rows={3} {...field('headers')} spellCheck={false} />
          </label>
          <label>
            Cookies
            <input
              type="text"
              {...field('cookies')}
              placeholder="session=abc; ab-variant=b"
              spellCheck={false}
            />
          </label>
        </div>
      ) : (
        <label className="test-panel__json">
          Event JSON
          <textarea rows={12} value={json} onChange={(e) => setJson(e.target.value)} spellCheck={false} />
        </label>
      )}

      <div className="test-panel__row">
        <button
          type="button"
          className="btn btn--primary btn--small"
          onClick={() => void run()}
          disabled={running}
        >
          {running ? 'Running…' : 'Run test'}
        </button>
        <label>
          Test event name{' '}
          <input type="text" value={eventName} onChange={(e) => setEventName(e.target.value)} size={12} />
        </label>
        <button type="button" className="btn btn--small" onClick={save} disabled={!eventName.trim()}>
          Save test event
        </button>
      </div>
      {(fn.testEvents ?? []).length > 0 && (
        <ul className="test-panel__saved" aria-label="Saved test events">
          {(fn.testEvents ?? []).map((t) => (
            <li key={t.name}>
              <button type="button" className="link-button" onClick={() => load(t.name)}>
                {t.name} ({t.eventType})
              </button>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Delete test event ${t.name}`}
                onClick={() => deleteTestEvent(name, t.name)}
              >
                delete
              </button>
            </li>
          ))}
        </ul>
      )}

      {problem && (
        <p role="alert" className="test-panel__error">
          {problem}
        </p>
      )}
      {ran && <TestFunctionResultView result={ran.result} diff={diff} />}
    </section>
  );
}

export default memo(TestFunctionPanel);
