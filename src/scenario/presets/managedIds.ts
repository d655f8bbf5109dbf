// Real ids of the managed policies the presets use (src/engine/policies/managed.ts holds their
// definitions; docs: using-managed-cache-policies.html, using-managed-origin-request-policies.html,
// using-managed-response-headers-policies.html).
export const MANAGED = {
  cache: {
    CachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    CachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    UseOriginCacheControlHeaders: '83da9c7e-98b4-4e11-a168-04f0df8e2c65',
    UseOriginCacheControlHeadersQueryStrings: '4cc15a8a-d715-48a4-82b8-cc0b614638fe',
  },
  originRequest: {
    AllViewer: '216adef6-5c7f-47e4-b989-5492eafa07d3',
    AllViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    CorsS3Origin: '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf',
  },
  responseHeaders: {
    SecurityHeaders: '67f7725c-6f97-4210-82d7-5512b31e9d03',
    CorsAndSecurityHeaders: 'e61eb60c-9c35-4d20-a928-2b84e02af89c',
  },
} as const;

export const GET_HEAD = ['GET', 'HEAD'];
export const GET_HEAD_OPTIONS = ['GET', 'HEAD', 'OPTIONS'];
export const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];
