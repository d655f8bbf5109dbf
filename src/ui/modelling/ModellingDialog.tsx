// "How EdgeLab models CloudFront": every modelling choice and known difference from CloudFront,
// shown in the app from the same page that lives in the repo (docs/modelling.md), so the two never drift.
import { memo, useEffect, useRef } from 'react';
import modellingPage from '../../../docs/modelling.md?raw';
import { renderMarkdown } from './markdown';

const content = renderMarkdown(modellingPage);

function ModellingDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="modelling" aria-labelledby="modelling-title" onClose={onClose}>
      <div className="modelling__bar">
        <h2 id="modelling-title">How EdgeLab models CloudFront</h2>
        <button type="button" className="btn" onClick={() => ref.current?.close()} autoFocus>
          Close
        </button>
      </div>
      <div className="modelling__body">{content}</div>
    </dialog>
  );
}

export default memo(ModellingDialog);
