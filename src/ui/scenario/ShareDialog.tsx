// "Share": the scenario packed into the URL hash, shown with its length and a copy button.
// Opening the link rebuilds exactly this scenario (same seed, so the same numbers).
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { loadScenarioIo } from '../../state/scenarioIoLoader';
import { useAppStore } from '../../state/store';
import { formatCount } from '../format';
import { writeScenarioHash } from './startup';
import './scenario.css';

/** Past this many characters some chat tools, mail clients and servers cut or refuse links. */
export const LONG_LINK_CHARS = 8_000;
/** Past this many characters a link still works in browsers, but is awkward to paste in a message. */
export const LINK_SHORT_CHARS = 2_000;

type CopyState = 'idle' | 'copied' | 'failed';

function ShareDialog() {
  const shareHash = useAppStore((s) => s.shareHash);
  const lessonId = useAppStore((s) => s.lessonId);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [link, setLink] = useState('');
  const [copy, setCopy] = useState<CopyState>('idle');
  const titleId = useId();

  const open = useCallback(async () => {
    await loadScenarioIo(); // the link codec loads lazily (issue 10); at once when already loaded
    // With a lesson open, the link opens the lesson on this scenario (a teacher's variant).
    setLink(writeScenarioHash(shareHash() + (lessonId ? `&lesson=${lessonId}` : '')));
    setCopy('idle');
    dialogRef.current?.showModal();
  }, [shareHash, lessonId]);

  useEffect(() => {
    if (link) textRef.current?.select();
  }, [link]);

  const onCopy = useCallback(async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      // Clipboard refused (permissions, insecure context): leave the link selected for Ctrl+C.
      textRef.current?.select();
      setCopy('failed');
    }
  }, [link]);

  return (
    <>
      <button type="button" className="btn" onClick={open}>
        Share
      </button>
      <dialog ref={dialogRef} className="share-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>Share this scenario</h2>
        <p>
          Anyone opening this link gets this exact scenario: same topology, traffic and seed, so the same
          numbers.
        </p>
        <label>
          Link to this scenario
          <textarea ref={textRef} readOnly rows={4} value={link} data-testid="share-link" />
        </label>
        <p data-testid="share-length">
          {formatCount(link.length)} characters
          {lessonId && ' (opens the lesson on this scenario)'}
          {link.length > LINK_SHORT_CHARS && link.length <= LONG_LINK_CHARS && (
            <span>
              {' '}
              — a long link (over {formatCount(LINK_SHORT_CHARS)} characters): it works in browsers, but some
              tools shorten or wrap it; a scenario file is safer.
            </span>
          )}
          {link.length > LONG_LINK_CHARS && (
            <span className="share-dialog__warning">
              {' '}
              — a very long link (over {formatCount(LONG_LINK_CHARS)} characters): some chat and mail tools
              cut links this long. If it does not open, export the scenario to a file instead.
            </span>
          )}
        </p>
        <p role="status" aria-live="polite">
          {copy === 'copied' && 'Copied to the clipboard.'}
          {copy === 'failed' &&
            'The browser refused the clipboard: the link is selected, press Ctrl+C (⌘C) to copy it.'}
        </p>
        <div className="share-dialog__actions">
          <button type="button" className="btn btn--primary" onClick={() => void onCopy()}>
            Copy link
          </button>
          <button type="button" className="btn" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}

export default memo(ShareDialog);
