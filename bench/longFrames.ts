// What a long task was doing, for the browser benchmarks: Chrome's Long Animation Frames API
// names the scripts that ran in each frame over 50 ms (invoker, function, file, time) at no
// measurable cost, where a trace inflates every task and hides the rare ones. Only frames that held
// a task over 50 ms (blockingDuration > 0) are kept: those are the long tasks the benchmarks count.
// Minified builds give short function names; the file (chunk) and the invoker still say where.

// Strings, not functions: tsx would wrap named functions in a `__name` helper the page lacks.

/** Starts recording into window.__longFrames (page script). */
export const INSTALL_LONG_FRAMES = `
  window.__longFrames = [];
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
    new PerformanceObserver((list) => {
      for (const f of list.getEntries()) {
        if (f.blockingDuration <= 0) continue;
        const scripts = f.scripts
          .filter((s) => s.duration >= 5)
          .map((s) => s.invoker + ' ' + (s.sourceFunctionName || '?') + '@' +
            (s.sourceURL.split('/').pop() || '?') + ' ' + Math.round(s.duration) + ' ms')
          .join(' | ');
        window.__longFrames.push({
          at: f.startTime,
          text: Math.round(f.duration) + ' ms frame (' + Math.ceil(f.blockingDuration) + ' ms over 50), rendering ' +
            Math.round(f.startTime + f.duration - f.renderStart) + ' ms; scripts: ' + (scripts || 'none (browser work, e.g. GC)'),
        });
      }
    }).observe({ type: 'long-animation-frame' });
`;

/** Takes the frames recorded so far, as [start (page ms), description] pairs (page script). */
export const TAKE_LONG_FRAMES = `window.__longFrames.splice(0).map((f) => [f.at, f.text])`;
