// Opens the challenge (or the shared result) named in the address bar at start-up and when a link
// is pasted into the open app; keeps the address bar naming the open challenge, so a reload
// returns to it; closes the challenge when a lesson opens (one guided panel at a time).
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/store';
import { challengeHash, challengeLinkFromHash, writeChallengeHash } from './challengeRoute';

export function useChallengeRoute(): void {
  const challengeId = useAppStore((s) => s.challengeId);
  const showingResult = useAppStore((s) => s.sharedChallengeResult !== null);
  const lessonId = useAppStore((s) => s.lessonId);

  useEffect(() => {
    const open = () => {
      const link = challengeLinkFromHash(window.location.hash);
      if (!link) return;
      const store = useAppStore.getState();
      const forget = (ok: boolean) => ok || writeChallengeHash(null);
      if (link.result !== null) {
        void store.openChallengeResult(link.id, link.result).then(forget);
      } else if (link.id !== store.challengeId || store.sharedChallengeResult !== null) {
        void store.openChallenge(link.id, true).then(forget);
      }
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);

  useEffect(() => {
    if (lessonId !== null && useAppStore.getState().challengeId !== null) {
      useAppStore.getState().closeChallenge();
    }
  }, [lessonId]);

  const previousId = useRef<string | null>(null);
  useEffect(() => {
    const was = previousId.current;
    previousId.current = challengeId;
    // Scenario and lesson links in the bar belong to their own layers: leave them alone.
    if (/^#(?:.*&)?(?:s|lesson)=/.test(window.location.hash)) return;
    // A result link stays as it is while the result is shown, so it can be copied again.
    if (showingResult) return;
    // Only a close clears the bar: at start-up the link is still being opened (the catalog loads first).
    if (challengeId === null) {
      if (was !== null) writeChallengeHash(null);
      return;
    }
    writeChallengeHash(challengeHash(challengeId));
  }, [challengeId, showingResult]);
}
