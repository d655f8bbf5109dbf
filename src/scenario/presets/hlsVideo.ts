// Live HLS video: playlists (.m3u8) change every segment and may only be cached for a second or
// two; segments (.ts) never change and can be cached for a day. Origin Shield in front of the
// packager collapses the requests of every PoP into one per object.
import { SCENARIO_VERSION, type Scenario } from '../../engine/scenario';
import {
  DEFAULT_DISTRIBUTION_ID,
  DEFAULT_DOMAIN_NAME,
  DEFAULT_POPS,
  DEFAULT_RECS,
  DEFAULT_VIEWERS,
  defaultLayout,
} from './default';
import { keyOnNothing } from '../../engine/policies/managed';
import { GET_HEAD, GET_HEAD_OPTIONS, MANAGED } from './managedIds';

const PLAYLIST_POLICY = 'edgelab-hls-playlist';
const SEGMENT_POLICY = 'edgelab-hls-segment';

export const hlsVideoScenario: Scenario = {
  version: SCENARIO_VERSION,
  name: 'HLS live video',
  description:
    'A live channel: .m3u8 playlists cached 2 s, .ts segments cached a day, Origin Shield in us-east-1 ' +
    'so the packager sees one request per object however many PoPs ask. Try turning the shield off.',
  seed: 42,
  distribution: {
    id: DEFAULT_DISTRIBUTION_ID,
    domainName: DEFAULT_DOMAIN_NAME,
    comment: 'HLS live',
    enabled: true,
    priceClass: 'PriceClass_All',
    httpVersion: 'http2',
    origins: [
      {
        id: 'packager',
        domainName: 'live-packager.example.com',
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: 'https-only',
          originReadTimeout: 10,
          originKeepaliveTimeout: 5,
        },
        connectionAttempts: 3,
        connectionTimeout: 5,
        originShield: { enabled: true, originShieldRegion: 'us-east-1' },
        region: 'us-east-1',
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'packager',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: GET_HEAD_OPTIONS,
      cachedMethods: GET_HEAD,
      compress: false,
      cachePolicyId: MANAGED.cache.UseOriginCacheControlHeaders,
      originRequestPolicyId: MANAGED.originRequest.CorsS3Origin,
    },
    cacheBehaviors: [
      {
        pathPattern: '/*.m3u8',
        targetOriginId: 'packager',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: GET_HEAD,
        cachedMethods: GET_HEAD,
        compress: true,
        cachePolicyId: PLAYLIST_POLICY,
        responseHeadersPolicyId: MANAGED.responseHeaders.CorsAndSecurityHeaders,
      },
      {
        pathPattern: '/*.ts',
        targetOriginId: 'packager',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: GET_HEAD,
        cachedMethods: GET_HEAD,
        compress: false,
        cachePolicyId: SEGMENT_POLICY,
        responseHeadersPolicyId: MANAGED.responseHeaders.CorsAndSecurityHeaders,
      },
    ],
  },
  cachePolicies: {
    [PLAYLIST_POLICY]: {
      name: 'HlsPlaylist2s',
      comment: 'Live playlists change every segment (2 s)',
      minTtl: 1,
      defaultTtl: 2,
      maxTtl: 2,
      ...keyOnNothing(),
      headers: [],
      cookies: [],
      queryStrings: [],
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    },
    [SEGMENT_POLICY]: {
      name: 'HlsSegment1d',
      comment: 'Segments never change once written',
      minTtl: 86_400,
      defaultTtl: 86_400,
      maxTtl: 31_536_000,
      ...keyOnNothing(),
      headers: [],
      cookies: [],
      queryStrings: [],
      enableAcceptEncodingGzip: false,
      enableAcceptEncodingBrotli: false,
    },
  },
  originSimulation: {
    packager: {
      processingMs: 30,
      objects: [
        {
          path: '/live/master.m3u8',
          sizeBytes: 600,
          contentType: 'application/vnd.apple.mpegurl',
          cacheControl: 'max-age=2',
        },
        {
          path: '/live/1080p.m3u8',
          sizeBytes: 900,
          contentType: 'application/vnd.apple.mpegurl',
          cacheControl: 'max-age=2',
        },
        {
          path: '/live/720p.m3u8',
          sizeBytes: 900,
          contentType: 'application/vnd.apple.mpegurl',
          cacheControl: 'max-age=2',
        },
      ],
      catalog: {
        count: 1_800,
        pathPrefix: '/live/seg-',
        extension: '.ts',
        meanSizeBytes: 1_200_000,
        contentType: 'video/mp2t',
        cacheControl: 'max-age=86400',
      },
    },
  },
  topology: { pops: DEFAULT_POPS, regionalEdgeCaches: true },
  viewers: DEFAULT_VIEWERS,
  traffic: { requestsPerSecond: 2_000, zipfAlpha: 1.2, methodMix: { GET: 1 } },
  events: [{ id: 'kick-off', kind: 'spike', atMs: 120_000, durationMs: 300_000, factor: 3 }],
  layout: defaultLayout(DEFAULT_VIEWERS, DEFAULT_POPS, DEFAULT_RECS, ['packager']),
};
