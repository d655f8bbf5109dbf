// Distribution-level settings with CloudFront's names: price class, default root object, supported
// HTTP versions, enabled, geographic restriction. The engine models the price class (which edge
// locations serve), the default root object and geo restriction; HTTP versions, Enabled and IPv6 are kept
// for the CloudFront JSON export and said so on the field.
import { memo } from 'react';
import type { GeoRestriction, PriceClass } from '../../../engine/scenario';
import { countryListError, defaultRootObjectError, updateDistribution } from '../../../state/commands';
import { useAppStore } from '../../../state/store';
import { CheckField, EditorSection, SelectField, TextField } from './fields';

const PRICE_CLASSES: { value: PriceClass; label: string }[] = [
  { value: 'PriceClass_All', label: 'All edge locations (best performance)' },
  { value: 'PriceClass_200', label: 'North America, Europe, Asia, Middle East, Africa' },
  { value: 'PriceClass_100', label: 'North America and Europe only' },
];

const HTTP_VERSIONS = [
  { value: 'http2', label: 'HTTP/2 (and HTTP/1.1)' },
  { value: 'http2and3', label: 'HTTP/2 and HTTP/3' },
  { value: 'http3', label: 'HTTP/3 (and HTTP/1.1)' },
  { value: 'http1.1', label: 'HTTP/1.1 only' },
] as const;
type HttpVersionSetting = (typeof HTTP_VERSIONS)[number]['value'];

const GEO_TYPES: { value: GeoRestriction['restrictionType']; label: string }[] = [
  { value: 'none', label: 'No restriction' },
  { value: 'whitelist', label: 'Allow list (only these countries)' },
  { value: 'blacklist', label: 'Block list (all but these countries)' },
];

const parseCountries = (text: string) => [
  ...new Set(
    text
      .split(/[\s,]+/)
      .filter((c) => c !== '')
      .map((c) => c.toUpperCase()),
  ),
];

function DistributionEditor() {
  const d = useAppStore((s) => s.scenario.distribution);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const geo = d.geoRestriction ?? { restrictionType: 'none' as const, items: [] };
  const httpVersion = (d.httpVersion ?? 'http2') as HttpVersionSetting;

  const setGeo = (next: GeoRestriction) =>
    applyEdit(
      updateDistribution(
        (x) => ({ ...x, geoRestriction: next }),
        next.restrictionType === 'none'
          ? 'Remove the geographic restriction'
          : `Geographic ${next.restrictionType === 'whitelist' ? 'allow' : 'block'} list ${next.items.join(', ') || '(empty)'}`,
      ),
    );

  return (
    <EditorSection title="Distribution settings">
      <SelectField
        label="Price class"
        value={d.priceClass ?? 'PriceClass_All'}
        options={PRICE_CLASSES}
        onChange={(v) => applyEdit(updateDistribution((x) => ({ ...x, priceClass: v }), `Price class ${v}`))}
      />
      <TextField
        label="Default root object"
        value={d.defaultRootObject ?? ''}
        validate={defaultRootObjectError}
        hint="Served for a request to / (e.g. index.html); empty = none"
        onCommit={(v) =>
          applyEdit(
            updateDistribution(
              (x) => ({ ...x, defaultRootObject: v === '' ? undefined : v }),
              v === '' ? 'Remove the default root object' : `Default root object ${v}`,
            ),
          )
        }
      />
      <SelectField
        label="Supported HTTP versions"
        value={httpVersion}
        options={HTTP_VERSIONS}
        onChange={(v) =>
          applyEdit(updateDistribution((x) => ({ ...x, httpVersion: v }), `HTTP versions ${v}`))
        }
      />
      <CheckField
        label="Enabled"
        checked={d.enabled ?? true}
        onChange={(on) =>
          applyEdit(
            updateDistribution(
              (x) => ({ ...x, enabled: on }),
              on ? 'Enable the distribution' : 'Disable the distribution',
            ),
          )
        }
      />
      <CheckField
        label="IPv6 (IsIPV6Enabled)"
        checked={d.isIpv6Enabled ?? false}
        onChange={(on) =>
          applyEdit(
            updateDistribution((x) => ({ ...x, isIpv6Enabled: on }), on ? 'Enable IPv6' : 'Disable IPv6'),
          )
        }
      />
      <p className="muted">
        HTTP versions, Enabled and IPv6 go into the CloudFront JSON export but do not change the simulation:
        it serves every protocol version, keeps serving a disabled distribution and does not tell IPv4 viewers
        from IPv6 ones.
      </p>
      <SelectField
        label="Geographic restriction"
        value={geo.restrictionType}
        options={GEO_TYPES}
        onChange={(v) => setGeo({ restrictionType: v, items: v === 'none' ? [] : geo.items })}
      />
      {geo.restrictionType !== 'none' && (
        <TextField
          label="Countries"
          value={geo.items.join(', ')}
          validate={countryListError}
          hint="Two-letter codes, e.g. US, CA, JP"
          onCommit={(v) => setGeo({ restrictionType: geo.restrictionType, items: parseCountries(v) })}
        />
      )}
    </EditorSection>
  );
}

export default memo(DistributionEditor);
