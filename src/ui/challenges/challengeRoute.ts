// The `#challenge=<id>` link (a teaching site links each challenge) and the result link
// `#challenge=<id>&result=<encoded>`. It coexists with `#s=` (scenario links, startup.ts) and
// `#lesson=` (lessonRoute.ts), which it never touches.
export interface ChallengeLink {
  id: string;
  /** the encoded result, for a result link */
  result: string | null;
}

const CHALLENGE_ID = /^[a-z0-9-]{1,64}$/i;

export function challengeLinkFromHash(hash: string): ChallengeLink | null {
  if (!/^#(?:.*&)?challenge=/.test(hash)) return null;
  const params = new URLSearchParams(hash.slice(1));
  const id = params.get('challenge') ?? '';
  if (!CHALLENGE_ID.test(id)) return null;
  return { id: id.toLowerCase(), result: params.get('result') };
}

export function challengeHash(id: string): string {
  return `#challenge=${id}`;
}

export function challengeResultHash(id: string, encoded: string): string {
  return `#challenge=${id}&result=${encoded}`;
}

/** The full link of a result, for copying. */
export function challengeResultLink(id: string, encoded: string): string {
  return window.location.origin + window.location.pathname + challengeResultHash(id, encoded);
}

/** Shows `hash` (or nothing) in the address bar without a history entry or a hashchange. */
export function writeChallengeHash(hash: string | null): void {
  const current = window.location.hash;
  if (hash === null && challengeLinkFromHash(current) === null) return;
  const next = hash ?? '';
  if (current === next) return;
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search + next,
  );
}
