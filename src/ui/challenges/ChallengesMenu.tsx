// The top bar's "Challenges" menu, beside "Lessons". Its list (and the catalog) loads on first open.
import { lazy, memo, Suspense, useCallback, type MouseEvent } from 'react';
import { useAppStore } from '../../state/store';
import TopBarMenu from '../lessons/TopBarMenu';
import { challengeHash, writeChallengeHash } from './challengeRoute';
import './challenges.css';

const ChallengesMenuList = lazy(() => import('./ChallengesMenuList'));

function ChallengesMenu() {
  const openChallenge = useAppStore((s) => s.openChallenge);
  const pick = useCallback(
    (e: MouseEvent<HTMLAnchorElement>, id: string, close: () => void) => {
      e.preventDefault();
      close();
      void openChallenge(id).then((ok) => ok && writeChallengeHash(challengeHash(id)));
    },
    [openChallenge],
  );

  return (
    <TopBarMenu label="Challenges" listId="challenges-menu-list">
      {(close) => (
        <Suspense fallback={null}>
          <ChallengesMenuList onPick={(e, id) => pick(e, id, close)} />
        </Suspense>
      )}
    </TopBarMenu>
  );
}

export default memo(ChallengesMenu);
