// Short messages next to the canvas (a refused connection, an undone edit): where the user is looking.
import { memo, useEffect } from 'react';
import { useAppStore } from '../../state/store';

/** Long enough to read two lines; the message stays in the DOM for screen readers until replaced. */
const TOAST_MS = 6000;

function CanvasToast() {
  const notice = useAppStore((s) => s.canvasNotice);
  const dismiss = useAppStore((s) => s.dismissCanvasNotice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(t);
  }, [notice, dismiss]);

  return (
    <div className="canvas-toast-region" role="status" aria-live="polite">
      {notice && (
        <div className={`canvas-toast canvas-toast--${notice.tone}`} data-testid="canvas-toast">
          <span aria-hidden="true">{notice.tone === 'refused' ? '⛔ ' : 'ℹ️ '}</span>
          {notice.tone === 'refused' && <strong>Not possible: </strong>}
          {notice.text}
          <button type="button" className="link-button" onClick={dismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export default memo(CanvasToast);
