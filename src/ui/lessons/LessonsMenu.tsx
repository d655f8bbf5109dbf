// The top bar's "Lessons" menu: each entry is a real `#lesson=` link (copyable), opened in place.
import { memo, useCallback, type MouseEvent } from 'react';
import { LESSONS } from '../../scenario/lessons';
import { useAppStore } from '../../state/store';
import { lessonHash, writeLessonHash } from './lessonRoute';
import TopBarMenu from './TopBarMenu';

function LessonsMenu() {
  const progress = useAppStore((s) => s.lessonProgress);
  const openLesson = useAppStore((s) => s.openLesson);
  const pick = useCallback(
    (e: MouseEvent<HTMLAnchorElement>, id: string, close: () => void) => {
      e.preventDefault();
      close();
      if (openLesson(id)) writeLessonHash(id);
    },
    [openLesson],
  );

  return (
    <TopBarMenu label="Lessons" listId="lessons-menu-list">
      {(close) => (
        <ul id="lessons-menu-list" className="lessons-menu__list" aria-label="Lessons">
          {LESSONS.map((l) => {
            const p = progress[l.id];
            return (
              <li key={l.id}>
                <a href={lessonHash(l.id)} onClick={(e) => pick(e, l.id, close)}>
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
    </TopBarMenu>
  );
}

export default memo(LessonsMenu);
