// Guided lessons: which lesson is open, its goals' live verdicts, hints shown, and progress kept
// in localStorage (so a reload, or a teaching site's link, finds the learner where they were).
import type { StateCreator } from 'zustand';
import type { Evaluation } from '../../scenario/assertions';
import { findLesson, type Lesson } from '../../scenario/lessons';
import { judgeGoals, parseGoals, pendingVerdicts, type ParsedGoal } from '../judgeGoals';
import * as storage from '../persistence';
import type { AppState } from '../store';

export const LESSON_STORAGE_KEY = 'edgelab.lessons.v1';

export interface LessonProgress {
  /** goal ids seen passing at least once */
  passed: string[];
  /** how many hints were revealed */
  hintsShown: number;
  /** every goal passed at the same time */
  completed: boolean;
}

interface StoredLessons {
  /** the lesson whose scenario is the current (autosaved) work; a link to it reopens it without a reload of the scenario */
  active: string | null;
  progress: Record<string, LessonProgress>;
}

export interface LessonsSlice {
  lessonId: string | null;
  lessonProgress: Record<string, LessonProgress>;
  /** live verdicts by goal id for the open lesson */
  lessonEvaluations: Record<string, Evaluation>;
  /**
   * Opens a lesson. With `fromLink`, a lesson that is already the current work keeps the user's
   * edits; otherwise its starting scenario replaces the current one (which is kept as "previous").
   * Returns false for an unknown id (and says so in the banner).
   */
  openLesson: (id: string, fromLink?: boolean) => boolean;
  closeLesson: () => void;
  /** Back to the lesson's starting scenario, counters at zero; progress is kept. */
  resetLesson: () => void;
  showNextHint: () => void;
  /** For lessons whose change has no editor: applies the lesson's solution. */
  applyLessonFix: () => void;
  /** Judges the open lesson's goals against the latest batch (plus cost and request checks). */
  evaluateLesson: () => Promise<void>;
}

const EMPTY_PROGRESS: LessonProgress = { passed: [], hintsShown: 0, completed: false };

function readStored(): StoredLessons {
  const store = storage.browserStorage();
  try {
    const raw = store?.getItem(LESSON_STORAGE_KEY);
    if (!raw) return { active: null, progress: {} };
    const parsed = JSON.parse(raw) as Partial<StoredLessons>;
    return {
      active: typeof parsed.active === 'string' ? parsed.active : null,
      progress: parsed.progress && typeof parsed.progress === 'object' ? parsed.progress : {},
    };
  } catch {
    // Unreadable progress is not worth an error banner: the lessons simply start afresh.
    return { active: null, progress: {} };
  }
}

function writeStored(value: StoredLessons): void {
  try {
    storage.browserStorage()?.setItem(LESSON_STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Full or disabled storage is reported by the scenario autosave already; progress is best effort.
  }
}

/** Parsed goals per lesson, parsed once. */
const parsedGoals = new Map<string, ParsedGoal[]>();
function goalsOf(lesson: Lesson): ParsedGoal[] {
  let goals = parsedGoals.get(lesson.id);
  if (!goals) {
    goals = parseGoals(lesson.goals);
    parsedGoals.set(lesson.id, goals);
  }
  return goals;
}

export const createLessonsSlice: StateCreator<AppState, [], [], LessonsSlice> = (set, get) => {
  const initial = readStored();
  let evaluating = false;

  function persist(active: string | null): void {
    writeStored({ active, progress: get().lessonProgress });
  }

  function loadScenarioOf(lesson: Lesson, keepPrevious: boolean): void {
    const current = get().scenario;
    if (keepPrevious)
      get().reportStorage(storage.writePrevious(storage.browserStorage(), current, Date.now()));
    set((s) => ({
      scenario: lesson.scenario(),
      scenarioRevision: s.scenarioRevision + 1,
      selectedNodeId: null,
      openFunctionName: null,
      previousScenario: keepPrevious ? current : s.previousScenario,
      lessonEvaluations: {},
    }));
    if (get().loadedRevision !== null) void get().reset();
  }

  return {
    lessonId: null,
    lessonProgress: initial.progress,
    lessonEvaluations: {},

    openLesson: (id, fromLink = false) => {
      const lesson = findLesson(id);
      if (!lesson) {
        set({
          notice: {
            tone: 'error',
            text: `There is no lesson "${id}". Check the link, or open a lesson from the Lessons menu.`,
          },
        });
        return false;
      }
      const resume = fromLink && readStored().active === id;
      set({ lessonId: id, lessonEvaluations: {} });
      if (!resume) {
        loadScenarioOf(lesson, true);
        set({
          notice: { tone: 'info', text: `Opened the lesson "${lesson.title}". Your previous work is kept.` },
        });
      }
      persist(id);
      return true;
    },

    closeLesson: () => {
      set({ lessonId: null, lessonEvaluations: {} });
      persist(null);
    },

    resetLesson: () => {
      const lesson = findLesson(get().lessonId ?? '');
      if (!lesson) return;
      loadScenarioOf(lesson, false);
    },

    showNextHint: () => {
      const { lessonId, lessonProgress } = get();
      const lesson = findLesson(lessonId ?? '');
      if (!lesson || !lessonId) return;
      const p = lessonProgress[lessonId] ?? EMPTY_PROGRESS;
      if (p.hintsShown >= lesson.hints.length) return;
      set({ lessonProgress: { ...lessonProgress, [lessonId]: { ...p, hintsShown: p.hintsShown + 1 } } });
      persist(lessonId);
    },

    applyLessonFix: () => {
      const lesson = findLesson(get().lessonId ?? '');
      if (!lesson) return;
      set((s) => ({ scenario: lesson.solve(s.scenario), scenarioRevision: s.scenarioRevision + 1 }));
    },

    evaluateLesson: async () => {
      const { lessonId, loadedRevision, scenarioRevision, status } = get();
      const lesson = findLesson(lessonId ?? '');
      if (!lesson || !lessonId || evaluating) return;
      const goals = goalsOf(lesson);
      const pending = pendingVerdicts({ loadedRevision, scenarioRevision, status }, goals);
      if (pending) {
        set({ lessonEvaluations: pending });
        return;
      }
      evaluating = true;
      try {
        const evaluations = await judgeGoals(goals, get());
        // The engine may have been rebuilt while we awaited: drop the stale verdict.
        if (get().lessonId !== lessonId || get().loadedRevision !== loadedRevision) return;
        const prev = get().lessonProgress[lessonId] ?? EMPTY_PROGRESS;
        const passedNow = goals.filter((g) => evaluations[g.id].status === 'pass').map((g) => g.id);
        const passed = [...new Set([...prev.passed, ...passedNow])];
        const completed = prev.completed || passedNow.length === goals.length;
        const changed = passed.length !== prev.passed.length || completed !== prev.completed;
        set((s) => ({
          lessonEvaluations: evaluations,
          ...(changed
            ? { lessonProgress: { ...s.lessonProgress, [lessonId]: { ...prev, passed, completed } } }
            : {}),
        }));
        if (changed) persist(lessonId);
      } catch {
        // The worker was reset under us: the next batch evaluates again.
      } finally {
        evaluating = false;
      }
    },
  };
};
