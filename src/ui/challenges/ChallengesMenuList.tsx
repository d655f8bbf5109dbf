// The Challenges menu's entries (loaded when the menu first opens, with the catalog): each a real
// `#challenge=` link, with the suggested time and the learner's best.
import { memo, type MouseEvent } from 'react';
import { CHALLENGES } from '../../scenario/challenges';
import { useAppStore } from '../../state/store';
import { challengeHash } from './challengeRoute';
import { formatDuration } from './format';

function ChallengesMenuList({ onPick }: { onPick: (e: MouseEvent<HTMLAnchorElement>, id: string) => void }) {
  const progress = useAppStore((s) => s.challengeProgress);
  return (
    <ul id="challenges-menu-list" className="lessons-menu__list" aria-label="Interview challenges">
      {CHALLENGES.map((c) => {
        const p = progress[c.id];
        const status = p?.solved
          ? ` ✓ solved${p.bestTimeMs !== null ? `, best ${formatDuration(p.bestTimeMs)}` : ''}`
          : '';
        return (
          <li key={c.id}>
            <a href={challengeHash(c.id)} onClick={(e) => onPick(e, c.id)} title={c.summary}>
              {c.title}
              <span className="challenge-menu__meta">
                {` · ${c.timeLimitMinutes} min`}
                {status}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

export default memo(ChallengesMenuList);
