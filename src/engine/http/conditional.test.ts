import { describe, expect, it } from 'vitest';
import { viewerConditionalMatches } from './conditional';

const LM = 'Mon, 01 Jan 2024 00:00:00 GMT';

describe('viewerConditionalMatches', () => {
  it('V17: If-None-Match "e1" matches, "zz" does not', () => {
    expect(viewerConditionalMatches({ 'if-none-match': ['"e1"'] }, '"e1"')).toBe(true);
    expect(viewerConditionalMatches({ 'if-none-match': ['"zz"'] }, '"e1"')).toBe(false);
  });
  it('uses weak comparison, lists (with commas inside tags) and *', () => {
    expect(viewerConditionalMatches({ 'if-none-match': ['W/"e1"'] }, '"e1"')).toBe(true);
    expect(viewerConditionalMatches({ 'if-none-match': ['"e1"'] }, 'W/"e1"')).toBe(true);
    expect(viewerConditionalMatches({ 'if-none-match': ['"a,b", "x"', '"e9"'] }, '"a,b"')).toBe(true);
    expect(viewerConditionalMatches({ 'if-none-match': ['"a", "b"'] }, '"c"')).toBe(false);
    expect(viewerConditionalMatches({ 'if-none-match': ['*'] }, undefined)).toBe(true);
    expect(viewerConditionalMatches({ 'if-none-match': ['"e1"'] }, undefined)).toBe(false);
  });
  it('ignores If-Modified-Since when If-None-Match is present', () => {
    expect(
      viewerConditionalMatches({ 'if-none-match': ['"zz"'], 'if-modified-since': [LM] }, '"e1"', LM),
    ).toBe(false);
  });
  it('compares If-Modified-Since with Last-Modified', () => {
    expect(viewerConditionalMatches({ 'if-modified-since': [LM] }, undefined, LM)).toBe(true);
    expect(
      viewerConditionalMatches({ 'if-modified-since': ['Sun, 31 Dec 2023 23:59:59 GMT'] }, undefined, LM),
    ).toBe(false);
    expect(viewerConditionalMatches({ 'if-modified-since': ['garbage'] }, undefined, LM)).toBe(false);
    expect(viewerConditionalMatches({ 'if-modified-since': [LM] }, '"e1"')).toBe(false);
    expect(viewerConditionalMatches({}, '"e1"', LM)).toBe(false);
  });
});
