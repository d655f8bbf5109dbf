import { describe, expect, it } from 'vitest';
import { greatCircleKm, latencyMs, LATENCY_MODEL, rttMs } from './latency';

const LHR = { lat: 51.4775, lon: -0.4614 };
const JFK = { lat: 40.6394, lon: -73.7793 };

describe('greatCircleKm', () => {
  it('measures London Heathrow to New York JFK at about 5,540 km', () => {
    expect(greatCircleKm(LHR, JFK)).toBeCloseTo(5539.5, 0);
    expect(greatCircleKm(JFK, LHR)).toBeCloseTo(greatCircleKm(LHR, JFK), 9);
  });

  it('is zero for one place and half the circumference for antipodes', () => {
    expect(greatCircleKm(LHR, LHR)).toBe(0);
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371, 6);
  });
});

describe('rttMs', () => {
  it('is 2 x stretch x km / 200 plus the last mile', () => {
    expect(rttMs(1000)).toBe(21);
    expect(rttMs(1000, { stretch: 1.4 })).toBe(14);
    expect(rttMs(1000, { accessMs: 10 })).toBe(31);
    expect(rttMs(0, { accessMs: 35 })).toBe(35);
  });
});

describe('latencyMs', () => {
  it('adds the fixed or mobile last mile to viewer paths only', () => {
    expect(latencyMs(LHR, LHR, 'viewer-fixed')).toBe(LATENCY_MODEL.fixedAccessMs);
    expect(latencyMs(LHR, LHR, 'viewer-mobile')).toBe(LATENCY_MODEL.mobileAccessMs);
    expect(latencyMs(LHR, LHR, 'backbone')).toBe(0);
  });

  it('gives a transatlantic viewer RTT of ~126 ms and a backbone RTT of ~78 ms', () => {
    expect(latencyMs(LHR, JFK, 'viewer-fixed')).toBeCloseTo(126.3, 1);
    expect(latencyMs(LHR, JFK, 'backbone')).toBeCloseTo(77.6, 1);
  });
});
