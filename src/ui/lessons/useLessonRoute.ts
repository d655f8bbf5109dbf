// Opens the lesson named in the address bar at start-up and when a `#lesson=` link is pasted
// into the open app; keeps the address bar naming the open lesson, so a reload returns to it.
import { useEffect } from 'react';
import { useAppStore } from '../../state/store';
import { lessonIdFromHash, writeLessonHash } from './lessonRoute';

export function useLessonRoute(): void {
  const lessonId = useAppStore((s) => s.lessonId);

  useEffect(() => {
    const open = () => {
      const id = lessonIdFromHash(window.location.hash);
      if (id && id !== useAppStore.getState().lessonId) {
        if (!useAppStore.getState().openLesson(id, true)) writeLessonHash(null);
      }
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);

  useEffect(() => {
    // A scenario link (#s=) in the bar belongs to the scenario layer: leave it alone.
    if (/^#(?:.*&)?s=/.test(window.location.hash)) return;
    void lessonId;
    // Read from the store: the start-up effect above may have opened a lesson during this commit.
    writeLessonHash(useAppStore.getState().lessonId);
  }, [lessonId]);
}
