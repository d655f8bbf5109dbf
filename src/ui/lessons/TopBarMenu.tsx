// The shell the top bar's Lessons and Challenges menus share: a toggle button, a list shown while
// open, closed by Escape, a press outside, or a pick (the list gets `close`).
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useDismiss } from '../useDismiss';
import './lessons.css';

export default function TopBarMenu({
  label,
  listId,
  children,
}: {
  label: string;
  /** id of the list element `children` renders (the button's aria-controls) */
  listId: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, ref);
  return (
    <div className="lessons-menu" ref={ref}>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && children(close)}
    </div>
  );
}
