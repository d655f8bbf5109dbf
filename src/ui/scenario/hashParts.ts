// The part after # can carry several routes at once: `#s=<scenario>&lesson=<id>` or
// `#s=<scenario>&challenge=<id>`. Start-up reads it once, splits the scenario off, and leaves the
// rest in the address bar for the lesson / challenge routes.

export interface HashParts {
  /** `s=…` (without '#'), or null when the hash has no scenario */
  scenario: string | null;
  /** every other parameter, `#`-prefixed (`#lesson=ttls`), or '' when there is none */
  rest: string;
}

export function splitHash(hash: string): HashParts {
  const parts = hash.replace(/^#/, '').split('&');
  let scenario: string | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    if (scenario === null && part.startsWith('s=')) scenario = part;
    else rest.push(part);
  }
  return { scenario, rest: rest.length > 0 ? `#${rest.join('&')}` : '' };
}

/** The value of one route parameter in the rest (`lesson`, `challenge`), or null. */
export function routeParam(rest: string, name: string): string | null {
  for (const part of rest.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) return part.slice(eq + 1) || null;
  }
  return null;
}
