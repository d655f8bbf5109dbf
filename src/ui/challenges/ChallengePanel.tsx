// Mounted once beside the canvas: follows the `#challenge=` link from start-up, and loads the
// panel itself (and the challenge catalog) only when a challenge is open.
import { lazy, memo, Suspense } from 'react';
import { useAppStore } from '../../state/store';
import { useChallengeRoute } from './useChallengeRoute';

const ChallengePanelBody = lazy(() => import('./ChallengePanelBody'));

function ChallengePanel() {
  useChallengeRoute();
  const open = useAppStore((s) => s.challengeId !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ChallengePanelBody />
    </Suspense>
  );
}

export default memo(ChallengePanel);
