// Errors the engine throws. ScenarioError lives here (not in src/scenario) so that
// createEngine can throw it without an upward import; src/scenario re-exports it.

/** A scenario or CloudFront config the engine cannot run. The message names the field or
 * function and says what to fix. */
export class ScenarioError extends Error {
  /** dotted path of the offending field, e.g. 'distribution.defaultCacheBehavior.minTtl' */
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'ScenarioError';
    this.field = field;
  }
}

/** An API call CloudFront would refuse; `code` is the AWS error code. */
export class CloudFrontApiError extends Error {
  readonly code: string;
  constructor(
    code: 'InvalidArgument' | 'TooManyInvalidationsInProgress' | 'BatchTooLarge' | string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudFrontApiError';
    this.code = code;
  }
}
