// The `#lesson=<id>` link: a teaching site links each lesson. It coexists with `#s=` (the scenario
// link, handled in src/ui/scenario/startup.ts), which it never touches.
const LESSON_HASH = /^#(?:.*&)?lesson=([a-z0-9-]+)/i;

export function lessonIdFromHash(hash: string): string | null {
  const m = LESSON_HASH.exec(hash);
  return m ? m[1] : null;
}

export function lessonHash(id: string): string {
  return `#lesson=${id}`;
}

/** Shows `#lesson=<id>` (or nothing) in the address bar without a history entry or a hashchange. */
export function writeLessonHash(id: string | null): void {
  const current = window.location.hash;
  if (id === null && lessonIdFromHash(current) === null) return;
  const hash = id === null ? '' : lessonHash(id);
  if (current === hash) return;
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search + hash,
  );
}
