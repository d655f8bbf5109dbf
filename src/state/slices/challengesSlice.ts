// Interview challenges: which challenge is open, its goals' live verdicts, the attempt (timer,
// hints used, model solution viewed, the result once every goal passes), a shared result opened
// from a link (read-only), and progress per challenge (solved, best time) in localStorage.
import type { StateCreator } from 'zustand';
import type { Evaluation } from '../../scenario/assertions';
import type * as ChallengeCatalog from '../../scenario/challenges';
import type { Challenge, ChallengeResult } from '../../scenario/challenges';
import { judgeGoals, parseGoals, pendingVerdicts, type ParsedGoal } from '../judgeGoals';
import * as storage from '../persistence';
import type { AppState } from '../store';

export const CHALLENGE_STORAGE_KEY = 'edgelab.challenges.v1';

/** The catalog (statements, scenarios, solutions) loads on first use: the first render does not need it. */
let catalog: typeof ChallengeCatalog | null = null;
export async function loadChallengeCatalog(): Promise<typeof ChallengeCatalog> {
  catalog ??= await import('../../scenario/challenges');
  return catalog;
}
function findChallenge(id: string): Challenge | undefined {
  return catalog?.findChallenge(id);
}

export interface ChallengeProgress {
  solved: boolean;
  /** fastest solve without viewing the model solution, ms; null when there is none */
  bestTimeMs: number | null;
}

/** The attempt in progress. Times are wall-clock ms (the learner's time, not simulated time). */
export interface ChallengeAttempt {
  challengeId: string;
  openedAt: number;
  /** the timer was started at least once: the result's time is then the timer's */
  timerUsed: boolean;
  /** when the timer was last started; null while paused */
  timerRunningSince: number | null;
  /** timer time accumulated before the last start */
  timerElapsedMs: number;
  hintsShown: number;
  solutionViewed: boolean;
  /** set once, when every goal passes at the same time */
  result: ChallengeResult | null;
}

export type SharedChallengeResult = { ok: true; result: ChallengeResult } | { ok: false; error: string };

interface StoredChallenges {
  attempt: ChallengeAttempt | null;
  progress: Record<string, ChallengeProgress>;
}

export interface ChallengesSlice {
  challengeId: string | null;
  challengeAttempt: ChallengeAttempt | null;
  challengeProgress: Record<string, ChallengeProgress>;
  /** live verdicts by goal id for the open challenge */
  challengeEvaluations: Record<string, Evaluation>;
  /** a result opened from a link: shown read-only; the user's work is not touched */
  sharedChallengeResult: SharedChallengeResult | null;
  /**
   * Opens a challenge. With `fromLink`, the attempt in progress for that challenge resumes with the
   * user's edits; otherwise its starting scenario replaces the current one (kept as "previous").
   * Returns false for an unknown id (and says so in the banner).
   */
  openChallenge: (id: string, fromLink?: boolean) => Promise<boolean>;
  /** Shows a shared result (`encoded` from the link) for challenge `id`; false for an unknown id. */
  openChallengeResult: (id: string, encoded: string) => Promise<boolean>;
  closeChallenge: () => void;
  /** Back to the starting scenario; the attempt (timer, hints, solution viewed) continues. */
  resetChallenge: () => void;
  showChallengeHint: () => void;
  startChallengeTimer: () => void;
  pauseChallengeTimer: () => void;
  /** Records that the model solution was shown (the UI asks for confirmation first). */
  revealChallengeSolution: () => void;
  /** Applies the model solution to the current scenario (only once it has been revealed). */
  applyChallengeSolution: () => void;
  /** Judges the open challenge's goals against the latest batch (plus cost and request checks). */
  evaluateChallenge: () => Promise<void>;
}

/** How long the attempt has taken at wall time `now`. */
export function attemptTimeMs(a: ChallengeAttempt, now: number): number {
  if (!a.timerUsed) return Math.max(0, now - a.openedAt);
  return a.timerElapsedMs + (a.timerRunningSince === null ? 0 : Math.max(0, now - a.timerRunningSince));
}

function newAttempt(challengeId: string): ChallengeAttempt {
  return {
    challengeId,
    openedAt: Date.now(),
    timerUsed: false,
    timerRunningSince: null,
    timerElapsedMs: 0,
    hintsShown: 0,
    solutionViewed: false,
    result: null,
  };
}

function readStored(): StoredChallenges {
  try {
    const raw = storage.browserStorage()?.getItem(CHALLENGE_STORAGE_KEY);
    if (!raw) return { attempt: null, progress: {} };
    const parsed = JSON.parse(raw) as Partial<StoredChallenges>;
    const attempt = parsed.attempt;
    return {
      attempt:
        attempt && typeof attempt === 'object' && typeof attempt.challengeId === 'string' ? attempt : null,
      progress: parsed.progress && typeof parsed.progress === 'object' ? parsed.progress : {},
    };
  } catch {
    // Unreadable progress is not worth an error banner: the challenges simply start afresh.
    return { attempt: null, progress: {} };
  }
}

/** Parsed goals per challenge, parsed once. */
const parsedGoals = new Map<string, ParsedGoal[]>();
function goalsOf(challenge: Challenge): ParsedGoal[] {
  let goals = parsedGoals.get(challenge.id);
  if (!goals) {
    goals = parseGoals(challenge.goals);
    parsedGoals.set(challenge.id, goals);
  }
  return goals;
}

export const createChallengesSlice: StateCreator<AppState, [], [], ChallengesSlice> = (set, get) => {
  const initial = readStored();
  let evaluating = false;

  function persist(): void {
    const value: StoredChallenges = { attempt: get().challengeAttempt, progress: get().challengeProgress };
    try {
      storage.browserStorage()?.setItem(CHALLENGE_STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Full or disabled storage is reported by the scenario autosave already; progress is best effort.
    }
  }

  function updateAttempt(patch: (a: ChallengeAttempt) => Partial<ChallengeAttempt>): void {
    const a = get().challengeAttempt;
    if (!a || a.challengeId !== get().challengeId) return;
    set({ challengeAttempt: { ...a, ...patch(a) } });
    persist();
  }

  function loadScenarioOf(challenge: Challenge, keepPrevious: boolean): void {
    const current = get().scenario;
    if (keepPrevious)
      get().reportStorage(storage.writePrevious(storage.browserStorage(), current, Date.now()));
    set((s) => ({
      scenario: challenge.scenario(),
      scenarioRevision: s.scenarioRevision + 1,
      selectedNodeId: null,
      openFunctionName: null,
      previousScenario: keepPrevious ? current : s.previousScenario,
      challengeEvaluations: {},
    }));
    if (get().loadedRevision !== null) void get().reset();
  }

  function unknown(id: string): false {
    set({
      notice: {
        tone: 'error',
        text: `There is no challenge "${id}". Check the link, or pick one from the Challenges menu.`,
      },
    });
    return false;
  }

  return {
    challengeId: null,
    challengeAttempt: initial.attempt,
    challengeProgress: initial.progress,
    challengeEvaluations: {},
    sharedChallengeResult: null,

    openChallenge: async (id, fromLink = false) => {
      const challenge = (await loadChallengeCatalog()).findChallenge(id);
      if (!challenge) return unknown(id);
      // One guided panel at a time.
      if (get().lessonId !== null) get().closeLesson();
      const stored = get().challengeAttempt;
      const resume = fromLink && stored?.challengeId === id;
      set({ challengeId: id, challengeEvaluations: {}, sharedChallengeResult: null });
      if (!resume) {
        set({ challengeAttempt: newAttempt(id) });
        loadScenarioOf(challenge, true);
        set({
          notice: {
            tone: 'info',
            text: `Opened the challenge "${challenge.title}". Your previous work is kept.`,
          },
        });
      }
      persist();
      return true;
    },

    openChallengeResult: async (id, encoded) => {
      const { findChallenge: find, decodeChallengeResult } = await loadChallengeCatalog();
      const challenge = find(id);
      if (!challenge) return unknown(id);
      if (get().lessonId !== null) get().closeLesson();
      const decoded = decodeChallengeResult(encoded, id, challenge.hints.length);
      set({ challengeId: id, challengeEvaluations: {}, sharedChallengeResult: decoded });
      return true;
    },

    closeChallenge: () => {
      get().pauseChallengeTimer();
      set({ challengeId: null, challengeEvaluations: {}, sharedChallengeResult: null });
    },

    resetChallenge: () => {
      const challenge = findChallenge(get().challengeId ?? '');
      if (challenge) loadScenarioOf(challenge, false);
    },

    showChallengeHint: () => {
      const challenge = findChallenge(get().challengeId ?? '');
      if (!challenge) return;
      updateAttempt((a) => ({ hintsShown: Math.min(challenge.hints.length, a.hintsShown + 1) }));
    },

    startChallengeTimer: () =>
      updateAttempt((a) =>
        a.timerRunningSince !== null || a.result ? {} : { timerUsed: true, timerRunningSince: Date.now() },
      ),

    pauseChallengeTimer: () =>
      updateAttempt((a) =>
        a.timerRunningSince === null
          ? {}
          : { timerRunningSince: null, timerElapsedMs: attemptTimeMs(a, Date.now()) },
      ),

    revealChallengeSolution: () => updateAttempt(() => ({ solutionViewed: true })),

    applyChallengeSolution: () => {
      const challenge = findChallenge(get().challengeId ?? '');
      if (!challenge || !get().challengeAttempt?.solutionViewed) return;
      set((s) => ({
        scenario: challenge.solution.apply(s.scenario),
        scenarioRevision: s.scenarioRevision + 1,
      }));
    },

    evaluateChallenge: async () => {
      const { challengeId, loadedRevision, scenarioRevision, status, sharedChallengeResult } = get();
      const challenge = findChallenge(challengeId ?? '');
      if (!challenge || !challengeId || sharedChallengeResult || evaluating) return;
      const goals = goalsOf(challenge);
      const pending = pendingVerdicts({ loadedRevision, scenarioRevision, status }, goals);
      if (pending) {
        set({ challengeEvaluations: pending });
        return;
      }
      evaluating = true;
      try {
        const evaluations = await judgeGoals(goals, get());
        // The engine may have been rebuilt while we awaited: drop the stale verdict.
        if (get().challengeId !== challengeId || get().loadedRevision !== loadedRevision) return;
        set({ challengeEvaluations: evaluations });
        const attempt = get().challengeAttempt;
        const allPass = goals.every((g) => evaluations[g.id].status === 'pass');
        if (allPass && attempt && attempt.challengeId === challengeId && !attempt.result) {
          recordSolve(challengeId, attempt);
        }
      } catch {
        // The worker was reset under us: the next batch evaluates again.
      } finally {
        evaluating = false;
      }
    },
  };

  function recordSolve(challengeId: string, attempt: ChallengeAttempt): void {
    const now = Date.now();
    const timeMs = attemptTimeMs(attempt, now);
    const result: ChallengeResult = {
      challengeId,
      timeMs,
      timed: attempt.timerUsed,
      hintsUsed: attempt.hintsShown,
      solutionViewed: attempt.solutionViewed,
      solvedAt: now,
    };
    const prev = get().challengeProgress[challengeId];
    const best = prev?.bestTimeMs ?? null;
    const bestTimeMs = attempt.solutionViewed || (best !== null && best <= timeMs) ? best : timeMs;
    set((s) => ({
      challengeAttempt: {
        ...attempt,
        timerRunningSince: null,
        timerElapsedMs: attempt.timerUsed ? timeMs : attempt.timerElapsedMs,
        result,
      },
      challengeProgress: { ...s.challengeProgress, [challengeId]: { solved: true, bestTimeMs } },
    }));
    persist();
  }
};
