// The "Scenario" menu: name, presets, import/export (scenario JSON and CloudFront JSON), the
// "Save as…" list and "Restore previous scenario". A disclosure panel rather than an ARIA menu:
// it holds text fields, so plain Tab order is the keyboard model; Escape closes it.
import { memo, useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { PRESETS } from '../../scenario/presets';
import { loadScenarioIo } from '../../state/scenarioIoLoader';
import { useAppStore } from '../../state/store';
import { useDismiss } from '../useDismiss';
import { downloadJson, fileSlug } from './download';
import './scenario.css';

function SavedList({ close }: { close: () => void }) {
  const saved = useAppStore((s) => s.savedScenarios);
  const openSaved = useAppStore((s) => s.openSaved);
  const deleteSaved = useAppStore((s) => s.deleteSavedScenario);
  if (saved.length === 0) return <p>No saved scenarios yet.</p>;
  return (
    <ul className="scenario-menu__list" aria-label="Saved scenarios">
      {saved.map((e) => (
        <li key={e.name} className="scenario-menu__row">
          <span className="scenario-menu__saved-name" title={new Date(e.savedAt).toLocaleString()}>
            {e.name}
          </span>
          <button
            type="button"
            className="btn btn--small"
            aria-label={`Open saved scenario ${e.name}`}
            onClick={() => {
              openSaved(e.name);
              close();
            }}
          >
            Open
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-label={`Delete saved scenario ${e.name}`}
            onClick={() => deleteSaved(e.name)}
          >
            Delete
          </button>
        </li>
      ))}
    </ul>
  );
}

function ScenarioMenu() {
  const [open, setOpen] = useState(false);
  const [saveName, setSaveName] = useState('');
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const name = useAppStore((s) => s.scenario.name);
  const unmodeled = useAppStore((s) => s.unmodeledFields);
  const canRestore = useAppStore((s) => s.previousScenario !== null);
  const previousName = useAppStore((s) => s.previousScenario?.name);
  const renameScenario = useAppStore((s) => s.renameScenario);
  const loadPreset = useAppStore((s) => s.loadPreset);
  const importText = useAppStore((s) => s.importText);
  const saveAs = useAppStore((s) => s.saveScenarioAs);
  const restorePrevious = useAppStore((s) => s.restorePrevious);

  const close = useCallback(() => setOpen(false), []);
  const refocusToggle = useCallback(() => toggleRef.current?.focus(), []);
  useDismiss(open, close, rootRef, refocusToggle);

  const onFile = useCallback(
    async (e: ChangeEvent<HTMLInputElement>) => {
      const input = e.currentTarget;
      const file = input.files?.[0];
      if (!file) return;
      const text = await file.text();
      input.value = ''; // the same file can be chosen again after fixing it
      await loadScenarioIo(); // the schema and CloudFront converters load lazily (issue 10)
      importText(text, file.name);
      setOpen(false);
    },
    [importText],
  );

  const onSave = useCallback(
    (e: FormEvent) => {
      e.preventDefault();
      if (saveAs(saveName || name)) setSaveName('');
    },
    [saveAs, saveName, name],
  );

  const exportScenario = () => {
    const scenario = useAppStore.getState().scenario;
    downloadJson(`${fileSlug(scenario.name)}.edgelab.json`, scenario);
  };
  const exportCloudFront = async () => {
    const { toCloudFront } = await loadScenarioIo(); // lazily loaded (issue 10)
    const scenario = useAppStore.getState().scenario;
    try {
      downloadJson(`${fileSlug(scenario.name)}.cloudfront.json`, toCloudFront(scenario));
    } catch (err) {
      useAppStore.setState({
        notice: {
          tone: 'error',
          text: `This scenario cannot be written as CloudFront JSON: ${err instanceof Error ? err.message : String(err)}`,
        },
      });
    }
  };

  return (
    <div className="scenario-menu" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Scenario ▾
      </button>
      {/* The file input lives outside the panel so an import still completes if the panel closes. */}
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        className="scenario-menu__file-input"
        aria-label="Scenario or CloudFront JSON file"
        data-testid="scenario-file-input"
        onChange={(e) => void onFile(e)}
      />
      {open && (
        <div id={panelId} className="scenario-menu__panel" role="region" aria-label="Scenario menu">
          <label className="scenario-menu__row">
            Scenario name
            <input type="text" value={name} onChange={(e) => renameScenario(e.target.value)} />
          </label>

          <h2>Presets</h2>
          <ul className="scenario-menu__list">
            {PRESETS.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="scenario-menu__preset"
                  onClick={() => {
                    loadPreset(p.id);
                    close();
                  }}
                >
                  <strong>{p.title}</strong>
                  <small>{p.description}</small>
                </button>
              </li>
            ))}
          </ul>

          <h2>Import and export</h2>
          <div className="scenario-menu__row">
            <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
              Import file…
            </button>
            <button type="button" className="btn" onClick={exportScenario}>
              Export scenario JSON
            </button>
            <button type="button" className="btn" onClick={exportCloudFront}>
              Export CloudFront JSON
            </button>
          </div>
          <p>
            Import takes an EdgeLab scenario file or CloudFront JSON (aws cloudfront get-distribution-config).
          </p>
          {unmodeled.length > 0 && (
            <details>
              <summary>Kept, not simulated ({unmodeled.length} CloudFront fields)</summary>
              <ul aria-label="CloudFront fields kept, not simulated">
                {unmodeled.map((f) => (
                  <li key={f}>
                    <code>{f}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}

          <h2>Saved in this browser</h2>
          <form className="scenario-menu__row" onSubmit={onSave}>
            <input
              type="text"
              aria-label="Name to save under"
              placeholder={name}
              value={saveName}
              onChange={(e) => setSaveName(e.target.value)}
            />
            <button type="submit" className="btn">
              Save as…
            </button>
          </form>
          <SavedList close={close} />

          {canRestore && (
            <>
              <h2>Undo a replacement</h2>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  restorePrevious();
                  close();
                }}
              >
                Restore previous scenario{previousName ? ` (${previousName})` : ''}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

export default memo(ScenarioMenu);
