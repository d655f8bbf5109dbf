// The open lesson, beside the canvas: explanation, steps, goals judged live, progressive hints, reset.
import { memo, useMemo } from 'react';
import { parseAssertion } from '../../scenario/assertions';
import { findLesson, type Lesson } from '../../scenario/lessons';
import type { LessonProgress } from '../../state/slices/lessonsSlice';
import { useAppStore } from '../../state/store';
import { GoalItem, useLiveEvaluation } from './liveGoals';
import { useLessonRoute } from './useLessonRoute';
import './lessons.css';

/** Real time between two evaluations: probes and cost calls cross the worker boundary. */
const LessonBody = memo(function LessonBody({
  lesson,
  progress,
}: {
  lesson: Lesson;
  progress: LessonProgress | undefined;
}) {
  const evaluations = useAppStore((s) => s.lessonEvaluations);
  const closeLesson = useAppStore((s) => s.closeLesson);
  const resetLesson = useAppStore((s) => s.resetLesson);
  const showNextHint = useAppStore((s) => s.showNextHint);
  const applyLessonFix = useAppStore((s) => s.applyLessonFix);
  const asts = useMemo(
    () =>
      lesson.goals.map((g) => {
        const r = parseAssertion(g.expression);
        return r.ok ? r.ast : null;
      }),
    [lesson],
  );
  const hintsShown = progress?.hintsShown ?? 0;
  const passed = new Set(progress?.passed ?? []);
  const headingId = `lesson-title-${lesson.id}`;

  return (
    <section className="lesson" aria-labelledby={headingId} data-testid="lesson-panel">
      <header className="lesson__header">
        <h2 id={headingId}>{lesson.title}</h2>
        <button type="button" className="btn btn--small" onClick={closeLesson} aria-label="Close the lesson">
          Close
        </button>
      </header>
      {progress?.completed && (
        <p className="lesson__completed" role="status">
          ✓ Lesson completed
        </p>
      )}
      {lesson.text.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <h3>Steps</h3>
      <ol className="lesson__steps">
        {lesson.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <h3>
        Goals{' '}
        <span className="lesson__count" data-testid="lesson-progress">
          ({passed.size} of {lesson.goals.length} reached)
        </span>
      </h3>
      <ul className="lesson__goals" aria-live="polite">
        {lesson.goals.map((g, i) => (
          <GoalItem
            key={g.id}
            label={g.label}
            note={passed.has(g.id) && evaluations[g.id]?.status !== 'pass' ? ' (reached before)' : null}
            expression={g.expression}
            ast={asts[i]}
            evaluation={evaluations[g.id]}
            testId="lesson-goal"
          />
        ))}
      </ul>
      <h3>Hints</h3>
      {hintsShown > 0 && (
        <ol className="lesson__hints">
          {lesson.hints.slice(0, hintsShown).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      )}
      <div className="lesson__actions">
        <button
          type="button"
          className="btn"
          onClick={showNextHint}
          disabled={hintsShown >= lesson.hints.length}
        >
          {hintsShown >= lesson.hints.length
            ? 'No more hints'
            : `Show hint ${hintsShown + 1} of ${lesson.hints.length}`}
        </button>
        {lesson.fixLabel && (
          <button type="button" className="btn" onClick={applyLessonFix}>
            {lesson.fixLabel}
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={resetLesson}
          title="Back to the lesson's starting scenario"
        >
          Reset lesson
        </button>
      </div>
    </section>
  );
});

/** Re-renders on every batch, so it renders nothing: the panel itself changes only with the verdicts. */
function LessonEvaluator() {
  useLiveEvaluation('evaluateLesson');
  return null;
}

function LessonPanel() {
  useLessonRoute();
  const lessonId = useAppStore((s) => s.lessonId);
  const progress = useAppStore((s) => (s.lessonId ? s.lessonProgress[s.lessonId] : undefined));
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  if (!lesson) return null;
  return (
    <>
      <LessonEvaluator />
      <LessonBody lesson={lesson} progress={progress} />
    </>
  );
}

export default memo(LessonPanel);
