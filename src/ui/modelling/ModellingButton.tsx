import { lazy, memo, Suspense, useState } from 'react';
import './modelling.css';

// The page is text only, but it is long: load it when first asked for.
const ModellingDialog = lazy(() => import('./ModellingDialog'));

function ModellingButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => setOpen(true)}
        title="Every modelling choice and known difference from CloudFront"
      >
        How it models CloudFront
      </button>
      {open && (
        <Suspense fallback={null}>
          <ModellingDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

export default memo(ModellingButton);
