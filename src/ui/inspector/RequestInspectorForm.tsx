// Composing a request: method, URL, header lines, cookies, viewer country or edge location,
// protocol. Send goes through the worker at the current simulated time.
import { memo, useId, useMemo, useState, type FormEvent } from 'react';
import type { HttpVersion, ViewerRequest } from '../../engine/types';
import type { Scenario } from '../../engine/scenario';
import { describeTopology } from '../../state/derived';
import { useAppStore } from '../../state/store';
import { parseHeaderLines } from './RequestInspectorFormat';
import { useRequestPrefill } from './requestPrefill';

const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PROTOCOLS: Array<[HttpVersion, string]> = [
  ['1.1', 'HTTP/1.1'],
  ['2.0', 'HTTP/2.0'],
  ['1.0', 'HTTP/1.0'],
  ['3.0', 'HTTP/3.0'],
];

/** https://<domain>/<first object the scenario's origins serve>, so the first Send works. */
export function defaultInspectorUrl(scenario: Scenario): string {
  const domain = scenario.distribution.domainName;
  for (const sim of Object.values(scenario.originSimulation ?? {})) {
    if (sim.catalog) return `https://${domain}${sim.catalog.pathPrefix}1${sim.catalog.extension ?? ''}`;
    const first = sim.objects?.[0];
    if (first) return `https://${domain}${first.path}`;
  }
  return `https://${domain}/`;
}

function RequestInspectorForm() {
  const scenario = useAppStore((s) => s.scenario);
  const busy = useAppStore((s) => s.inspectorBusy);
  const send = useAppStore((s) => s.sendInspectorRequest);
  const pops = useMemo(() => describeTopology(scenario).pops, [scenario]);
  const prefill = useRequestPrefill.getState().prefill;
  const [method, setMethod] = useState(prefill?.method ?? 'GET');
  const [url, setUrl] = useState(() => prefill?.url ?? defaultInspectorUrl(scenario));
  const [headerText, setHeaderText] = useState('Accept-Encoding: gzip, br');
  const [cookies, setCookies] = useState('');
  const [country, setCountry] = useState(prefill?.country ?? '');
  const [pop, setPop] = useState(prefill?.pop ?? '');
  const [httpVersion, setHttpVersion] = useState<HttpVersion>('2.0');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseHeaderLines(headerText, cookies);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    if (!/^https?:\/\/[^/\s]+/i.test(url.trim())) {
      setProblem(`The URL must be absolute, e.g. ${defaultInspectorUrl(scenario)}.`);
      return;
    }
    const c = country.trim().toUpperCase();
    if (c !== '' && !/^[A-Z]{2}$/.test(c)) {
      setProblem(
        `The viewer country must be a two-letter ISO code such as US or JP (got "${country}"), or empty.`,
      );
      return;
    }
    setProblem(null);
    const req: ViewerRequest = { method, url: url.trim(), headers: parsed.headers, httpVersion };
    if (c !== '' || pop !== '')
      req.viewer = { ...(c !== '' ? { country: c } : {}), ...(pop !== '' ? { pop } : {}) };
    void send(req);
  }

  return (
    <form className="inspector-form" onSubmit={onSubmit} aria-label="Compose a request">
      <div className="inspector-form__line">
        <label htmlFor={`${id}-method`}>Method</label>
        <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value)}>
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <input
          id={`${id}-url`}
          aria-label="URL"
          className="inspector-form__url"
          type="text"
          spellCheck={false}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
      <div className="inspector-form__grid">
        <label htmlFor={`${id}-headers`}>Headers (one “Name: value” a line)</label>
        <textarea
          id={`${id}-headers`}
          rows={3}
          spellCheck={false}
          value={headerText}
          onChange={(e) => setHeaderText(e.target.value)}
        />
        <label htmlFor={`${id}-cookies`}>Cookies</label>
        <input
          id={`${id}-cookies`}
          type="text"
          placeholder="session=abc; theme=dark"
          spellCheck={false}
          value={cookies}
          onChange={(e) => setCookies(e.target.value)}
        />
        <label htmlFor={`${id}-country`}>Viewer country</label>
        <input
          id={`${id}-country`}
          type="text"
          placeholder="e.g. JP (empty = unknown)"
          maxLength={2}
          value={country}
          onChange={(e) => setCountry(e.target.value)}
        />
        <label htmlFor={`${id}-pop`}>Edge location</label>
        <select id={`${id}-pop`} value={pop} onChange={(e) => setPop(e.target.value)}>
          <option value="">Nearest to the viewer</option>
          {pops.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} ({p.city})
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-protocol`}>Protocol</label>
        <select
          id={`${id}-protocol`}
          value={httpVersion}
          onChange={(e) => setHttpVersion(e.target.value as HttpVersion)}
        >
          {PROTOCOLS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p className="inspector-form__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

export default memo(RequestInspectorForm);
