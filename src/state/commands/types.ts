// A user edit is a small command: a pure `perform(scenario) -> scenario`. The history slice runs
// commands, keeps the scenarios before them for undo, and shows a refusal's reason to the user.
import type { Scenario } from '../../engine/scenario';

export interface Command {
  /** what the edit did, for screen readers and the undo button's title ("Add edge location NRT") */
  label: string;
  perform: (scenario: Scenario) => Scenario;
  /** node to select once the edit is applied (undefined = keep the selection); a function gets the new scenario */
  select?: string | null | ((after: Scenario) => string | null);
  /** only canvas positions change: the engine need not be reloaded */
  layoutOnly?: boolean;
}

/** Thrown by perform() when the edit would break the scenario; the message is shown as is. */
export class CommandRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandRefused';
  }
}

export function refuse(message: string): never {
  throw new CommandRefused(message);
}
