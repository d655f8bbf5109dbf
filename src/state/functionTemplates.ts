// Starting points for new edge functions: the engine's own templates (each one runs in the
// sandbox as is: src/engine/functions/templates.test.ts), imported as plain data.
import { FUNCTION_TEMPLATES, type FunctionTemplate } from '../engine/functions/templates';

export type { FunctionTemplate };
export { FUNCTION_TEMPLATES };

/** What "New function" creates: security headers in viewer-response (harmless on any scenario). */
export const NEW_FUNCTION_TEMPLATE: FunctionTemplate =
  FUNCTION_TEMPLATES.find((t) => t.id === 'security-headers') ?? FUNCTION_TEMPLATES[0];

/** `base`, or `base-2`, `base-3`, ... : the first name not in `taken`. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base}-${i}`;
    if (!taken.has(name)) return name;
  }
}
