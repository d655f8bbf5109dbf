import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Content-Security-Policy of the BUILT page (Vite's dev server needs inline scripts, so it is
// injected at build time only). Each source is there because the app needs it:
// - script-src 'wasm-unsafe-eval': QuickJS (edge functions) is WebAssembly;
// - style-src 'unsafe-inline': React Flow, Recharts and Monaco set style attributes / inject <style>;
// - img-src data: blob:: React Flow's minimap and Monaco's icons; font-src data:: Monaco's codicons;
// - worker-src 'self': the engine worker and Monaco's workers are same-origin module scripts.
// A <meta> policy covers the page only: workers take theirs from HTTP headers (a static host can
// send the same string as a header). e2e/csp.spec.ts proves the app runs without a violation.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'edgelab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// `base: './'` makes every asset URL relative, so the same build works from any static
// host and any sub-path (state lives in the URL hash, so no server rewrites are needed).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
});
