// Invalidation paths (spec §5, V41, V43): validation of a CreateInvalidation batch against
// CloudFront's syntax and in-progress limits, and matching of a path against cached objects.
import { CloudFrontApiError } from '../errors';

/** CloudFront invalidation limits (Invalidation.html, cloudfront-limits.html). */
export const INVALIDATION_LIMITS = {
  /** file paths in progress at once, per distribution */
  maxFilesInProgress: 3_000,
  /** wildcard paths in progress at once, per distribution (counted apart from files) */
  maxWildcardsInProgress: 15,
  /** paths in one CreateInvalidation call */
  maxPathsPerBatch: 3_000,
  maxPathLength: 4_000,
} as const;

export const isWildcardPath = (path: string): boolean => path.endsWith('*');

/**
 * Checks one batch and returns how many file and wildcard paths it adds. Throws a
 * CloudFrontApiError with the AWS code: InvalidArgument (bad path or empty batch),
 * BatchTooLarge, TooManyInvalidationsInProgress (files and wildcards counted independently).
 */
export function validateInvalidationBatch(
  paths: string[],
  inProgress: { files: number; wildcards: number },
): { files: number; wildcards: number } {
  if (!Array.isArray(paths) || paths.length === 0) {
    throw new CloudFrontApiError(
      'InvalidArgument',
      'The invalidation batch is empty: give at least one path, such as "/index.html" or "/images/*".',
    );
  }
  if (paths.length > INVALIDATION_LIMITS.maxPathsPerBatch) {
    throw new CloudFrontApiError(
      'BatchTooLarge',
      `The batch has ${paths.length} paths; one invalidation accepts at most ${INVALIDATION_LIMITS.maxPathsPerBatch}. Split it, or use a wildcard such as "/images/*".`,
    );
  }
  let files = 0;
  let wildcards = 0;
  for (const p of paths as unknown[]) {
    if (typeof p !== 'string' || p.length === 0) {
      throw new CloudFrontApiError(
        'InvalidArgument',
        `Invalidation paths must be non-empty strings starting with "/" (got ${JSON.stringify(p)}).`,
      );
    }
    if (p[0] !== '/') {
      throw new CloudFrontApiError(
        'InvalidArgument',
        `The invalidation path "${p}" must start with "/": write "/${p}".`,
      );
    }
    if (p.length > INVALIDATION_LIMITS.maxPathLength) {
      throw new CloudFrontApiError(
        'InvalidArgument',
        `An invalidation path is ${p.length} characters long; the limit is ${INVALIDATION_LIMITS.maxPathLength}. Use a shorter path or a wildcard.`,
      );
    }
    const star = p.indexOf('*');
    if (star >= 0 && star !== p.length - 1) {
      throw new CloudFrontApiError(
        'InvalidArgument',
        `The invalidation path "${p}" has a "*" before the end; CloudFront only accepts "*" as the last character (e.g. "${p.slice(0, star + 1)}").`,
      );
    }
    if (star >= 0) wildcards++;
    else files++;
  }
  if (inProgress.files + files > INVALIDATION_LIMITS.maxFilesInProgress) {
    throw new CloudFrontApiError(
      'TooManyInvalidationsInProgress',
      `${inProgress.files} file paths are already being invalidated and this batch adds ${files}; at most ${INVALIDATION_LIMITS.maxFilesInProgress} may be in progress. Wait for earlier invalidations to complete, or use a wildcard.`,
    );
  }
  if (inProgress.wildcards + wildcards > INVALIDATION_LIMITS.maxWildcardsInProgress) {
    throw new CloudFrontApiError(
      'TooManyInvalidationsInProgress',
      `${inProgress.wildcards} wildcard paths are already being invalidated and this batch adds ${wildcards}; at most ${INVALIDATION_LIMITS.maxWildcardsInProgress} may be in progress. Wait for earlier invalidations to complete.`,
    );
  }
  return { files, wildcards };
}

/** A matcher for invalidationTarget() strings (path + '?query' of the cache key): exact match,
 * or a prefix match when the path ends with '*'. Case-sensitive. */
export function compileInvalidationPath(path: string): (target: string) => boolean {
  if (isWildcardPath(path)) {
    const prefix = path.slice(0, -1);
    return prefix === '/' || prefix === '' ? () => true : (target) => target.startsWith(prefix);
  }
  return (target) => target === path;
}
