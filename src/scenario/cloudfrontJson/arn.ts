// Function ARNs <-> function names. Associations resolve to the code given in Functions /
// LambdaFunctions by the ARN's function name (DESIGN.md): the part after `function/` (CloudFront
// Functions) or `function:` (Lambda), without a version or alias suffix.
import { FUNCTION_NAME } from '../limits';
import { fail } from './read';

/** arn:aws:cloudfront::123456789012:function/rewrite -> 'rewrite'; arn:aws:lambda:us-east-1:123456789012:function:auth:3 -> 'auth'. */
export function functionNameFromArn(arn: string, path: string): string {
  const m = /function[/:]([^/:]+)/.exec(arn);
  const name = m ? m[1] : arn; // a bare name is accepted as its own ARN
  if (!FUNCTION_NAME.test(name)) {
    fail(path, 'must be a function ARN such as arn:aws:cloudfront::123456789012:function/my-function', arn);
  }
  return name;
}

/** AWS's documentation account id, for ARNs of functions a scenario made itself. */
const EXAMPLE_ACCOUNT = '123456789012';

export const cloudFrontFunctionArn = (name: string) =>
  `arn:aws:cloudfront::${EXAMPLE_ACCOUNT}:function/${name}`;
/** Lambda@Edge needs a numbered version in us-east-1. */
export const lambdaFunctionArn = (name: string) =>
  `arn:aws:lambda:us-east-1:${EXAMPLE_ACCOUNT}:function:${name}:1`;
