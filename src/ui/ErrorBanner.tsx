import { memo } from 'react';
import { useAppStore } from '../state/store';

function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  const dismiss = useAppStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      <button type="button" className="btn btn--small" onClick={dismiss} aria-label="Dismiss error">
        ×
      </button>
    </div>
  );
}

export default memo(ErrorBanner);
