// Lesson: signed URLs and geo restriction. Premium files are open to anyone and the licence's
// countries are not enforced; a trusted key group and a geo allow list fix both.
import type { Scenario } from '../../engine/scenario';
import { MANAGED } from '../presets/managedIds';
import { fromDefault } from './base';
import type { Lesson } from './types';

/** A public key made for this lesson (its private key was used once, to sign SIGNED_URL, and not kept). */
const KEY_ID = 'K2JCJMDEHXQW5F';
const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr/8btty5qQAJtb8GQ777
HBRrW93l5twPR1MHzXEERXS/nacc+sA/Rfu9GdMcl4vTyZhBx+bQUIx56aGWjLjw
MZE4yhZ+shz7QRdaIyLUFrJyhP0cAUVfw/Q9MSxst2kM1ptTSNbph8NHjJtAIML9
xUrM/inzZHbG3VobKvnSwoXiosb6SURPorW6DpFEn9WzmrfOB9jhWN+TR8Fi9QC7
VhCucnqYyR9ve5561GSuxvz/IiNfksnOPk65OsvDM/nY0boZiXItyv2+qcafKQPk
1jyu0TT/bOmC8KQVoKButyg0vXYj07hBT7H8B6LemGdfHTGKpfOOSnIAY5TdXHqF
wwIDAQAB
-----END PUBLIC KEY-----
`;
const KEY_GROUP = 'premium-signers';
/** Canned policy for https://d111111abcdef8.cloudfront.net/premium/movie.mp4, valid until 2038-01-01. */
export const SIGNED_URL =
  '/premium/movie.mp4?Expires=2145916800&Signature=T1-SuijIfi-WH2WBShHHtNaMjJ7olsflyYQkYBwk6nSe~6jtYaQA7sDWQ' +
  'HTaIxOlXUAUjAXFlIBZmIpgkPotrxDA6LlcBzfqUbVJ0wwoUj~cezG-sXApVWgbgEzRpHHz8cjup7-jXcQFZfVHPXxfJtPEv5~9ntdfW4517' +
  'N12bgRZ8mx-TrzN5iOGV82vlJMVIpCPHCdU0pUDIMJlRP4Ncb6tG8qjS5NqMmb5oNMueS5sDCXeU~IlfeEm3unLpKSNQShTw-Ghd8hU3mzeEz' +
  'ivlokjA7J~TUyH79amvxH69kBz~9AwjnKXSAcXP-bqBGc0udfSTs8iRZxxSZu9awSqgw__&Key-Pair-Id=' +
  KEY_ID;
/** The licence covers these viewer countries (the default scenario's US, BR and DE viewers). */
export const LICENSED_COUNTRIES = ['US', 'BR', 'DE'];

function premiumBehavior(trusted: boolean): NonNullable<Scenario['distribution']['cacheBehaviors']>[number] {
  return {
    pathPattern: '/premium/*',
    targetOriginId: 'assets',
    viewerProtocolPolicy: 'https-only',
    allowedMethods: ['GET', 'HEAD'],
    cachedMethods: ['GET', 'HEAD'],
    compress: false,
    cachePolicyId: MANAGED.cache.CachingOptimized,
    ...(trusted ? { trustedKeyGroups: [KEY_GROUP] } : {}),
  };
}

export const signedUrls: Lesson = {
  id: 'signed-urls',
  title: 'Signed URLs and geo restriction',
  text: [
    'Anything CloudFront caches is public unless a behavior says otherwise. A behavior with a trusted key ' +
      "group accepts only URLs (or cookies) signed with one of the group's private keys: CloudFront checks the " +
      'RSA-SHA1 signature and the expiry at the edge and answers 403 to everything else, before the cache.',
    'Geo restriction works for the whole distribution: with an allow list, viewers from other countries get ' +
      "403 at the edge. CloudFront finds the country from the viewer's IP address.",
    "Here /premium/* has no key group, so /premium/movie.mp4 is open to anyone, and the film's licence " +
      '(United States, Brazil, Germany) is not enforced: Japanese and Australian viewers watch too. After the fix, ' +
      '27% of this traffic (Japan and Australia) is refused with 403, and a correctly signed link to the movie ' +
      'still plays.',
  ],
  steps: [
    'Click the behavior /premium/* and set "Trusted key group" to premium-signers.',
    'Click the Distribution node, set "Geographic restriction" to "Allow list (only these countries)" and ' +
      '"Countries" to US, BR, DE.',
    'Press Reset, then Run for at least 1 simulated minute.',
    'Optional: send the signed link from the goal text in the request inspector; it still gets 200.',
  ],
  goals: [
    {
      id: 'unsigned',
      label: 'An unsigned request for a premium file is refused',
      expression: 'GET /premium/movie.mp4 from IAD -> status 403 after 60s',
    },
    {
      id: 'geo',
      label: 'A viewer in Japan is refused',
      expression: 'GET /assets/0 from NRT country JP -> status 403 after 60s',
    },
  ],
  hints: [
    'Send GET /premium/movie.mp4 in the request inspector: does CloudFront ask for a signature?',
    'Signatures are checked per behavior (trusted key groups); countries for the whole distribution.',
    'Behavior /premium/* -> Trusted key group: premium-signers. Distribution -> Geographic restriction: Allow ' +
      'list, Countries US, BR, DE. Reset and Run.',
  ],
  runMs: 60_000,
  scenario: () => {
    const s = fromDefault(
      'Lesson: signed URLs and geo restriction',
      'Premium files without a key group, no geo restriction.',
    );
    const assets = s.originSimulation?.assets ?? {};
    return {
      ...s,
      publicKeys: { [KEY_ID]: PUBLIC_KEY },
      keyGroups: { [KEY_GROUP]: [KEY_ID] },
      distribution: { ...s.distribution, cacheBehaviors: [premiumBehavior(false)] },
      originSimulation: {
        ...s.originSimulation,
        assets: {
          ...assets,
          objects: [
            {
              path: '/premium/movie.mp4',
              sizeBytes: 5_000_000,
              contentType: 'video/mp4',
              cacheControl: 'max-age=86400',
            },
          ],
        },
      },
    };
  },
  solve: (s) => ({
    ...s,
    distribution: {
      ...s.distribution,
      cacheBehaviors: [premiumBehavior(true)],
      geoRestriction: { restrictionType: 'whitelist', items: LICENSED_COUNTRIES },
    },
  }),
};
