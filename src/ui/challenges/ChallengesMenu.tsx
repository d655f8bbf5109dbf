// The top bar's "Challenges" menu, beside "Lessons". Its list (and the catalog) loads on first open.
import { lazy, memo, Suspense, useCallback, useRef, useState, type MouseEvent } from 'react';
import { useAppStore } from '../../state/store';
import { useDismiss } from '../useDismiss';
import { challengeHash, writeChallengeHash } from './challengeRoute';
import '../lessons/lessons.css';
import './challenges.css';

const ChallengesMenuList = lazy(() => import('./ChallengesMenuList'));

function ChallengesMenu() {
  const [open, setOpen] = useState(false);
  const openChallenge = useAppStore((s) => s.openChallenge);
  const ref = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, ref);

  const onPick = useCallback(
    (e: MouseEvent<HTMLAnchorElement>, id: string) => {
      e.preventDefault();
      setOpen(false);
      void openChallenge(id).then((ok) => ok && writeChallengeHash(challengeHash(id)));
    },
    [openChallenge],
  );

  return (
    <div className="lessons-menu" ref={ref}>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls="challenges-menu-list"
        onClick={() => setOpen((o) => !o)}
      >
        Challenges
      </button>
      {open && (
        <Suspense fallback={null}>
          <ChallengesMenuList onPick={onPick} />
        </Suspense>
      )}
    </div>
  );
}

export default memo(ChallengesMenu);
