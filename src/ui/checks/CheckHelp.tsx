// What a check can say, in the plain words the parser reads: the examples and every
// metric with its meaning (the same table the parser and the "measured" values use).
import { METRICS, type MetricName } from '../../scenario/assertions';
import { METRIC_WORDS } from '../../scenario/assertionWords';

const EXAMPLES = [
  'hit ratio > 85% after 10 min',
  'origin requests for /api/* < 100/s',
  'GET /index.html from Tokyo -> X-Cache: Hit',
  'cost per month < $150',
  'GET /premium/a.mp4 from NRT country JP -> status 403',
];

export function CheckHelp() {
  return (
    <details className="checks__help">
      <summary>How to write a check</summary>
      <p>
        A metric, a comparison and a number (with <code>%</code>, <code>$</code>, <code>/s</code> or{' '}
        <code>ms</code>), optionally <code>after 10 min</code>; or a request from an edge location (a code
        such as NRT or a city such as Tokyo) and what its response must show. For example:
      </p>
      <ul className="checks__examples">
        {EXAMPLES.map((e) => (
          <li key={e}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
      <dl className="checks__metrics">
        {(Object.keys(METRIC_WORDS) as MetricName[]).map((m) => (
          <div key={m}>
            <dt>
              <code>{METRIC_WORDS[m]}</code>
            </dt>
            <dd>{METRICS[m]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
