// The top bar's "Lessons" menu: each entry is a real `#lesson=` link (copyable), opened in place.
import { memo, useCallback, useRef, useState, type MouseEvent } from 'react';
import { LESSONS } from '../../scenario/lessons';
import { useAppStore } from '../../state/store';
import { useDismiss } from '../useDismiss';
import { lessonHash, writeLessonHash } from './lessonRoute';
import './lessons.css';

function LessonsMenu() {
  const [open, setOpen] = useState(false);
  const progress = useAppStore((s) => s.lessonProgress);
  const openLesson = useAppStore((s) => s.openLesson);
  const ref = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, ref);

  const onPick = useCallback(
    (e: MouseEvent<HTMLAnchorElement>, id: string) => {
      e.preventDefault();
      setOpen(false);
      if (openLesson(id)) writeLessonHash(id);
    },
    [openLesson],
  );

  return (
    <div className="lessons-menu" ref={ref}>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls="lessons-menu-list"
        onClick={() => setOpen((o) => !o)}
      >
        Lessons
      </button>
      {open && (
        <ul id="lessons-menu-list" className="lessons-menu__list" aria-label="Lessons">
          {LESSONS.map((l) => {
            const p = progress[l.id];
            return (
              <li key={l.id}>
                <a href={lessonHash(l.id)} onClick={(e) => onPick(e, l.id)}>
                  {l.title}
                  {p?.completed
                    ? ' ✓ completed'
                    : p && p.passed.length > 0
                      ? ` (${p.passed.length} of ${l.goals.length} goals)`
                      : ''}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export default memo(LessonsMenu);
