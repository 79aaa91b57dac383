import { METRIC_IDS, type MetricsStatus } from '@headroom/contract';
import { describe, expect, it } from 'vitest';
import { nowFigures } from './now-figures';

const LATEST = {
  [METRIC_IDS.vramUsed]: 1228,
  [METRIC_IDS.wslMemUsed]: 2048,
  [METRIC_IDS.wslMemTotal]: 47_923,
  [METRIC_IDS.wslLatency]: 140,
};
const status = (state: MetricsStatus['wsl']['state']): MetricsStatus => ({
  gpu: { state: 'ok' },
  wsl: { state },
  ollama: null,
});

describe('nowFigures', () => {
  it('blanks WSL’s figures once WSL is stopped, even when the last readings still hold its values', () => {
    const figures = nowFigures(LATEST, status('stopped'));
    expect(figures[METRIC_IDS.wslMemUsed]).toBeNull();
    expect(figures[METRIC_IDS.wslMemTotal]).toBeNull();
    expect(figures[METRIC_IDS.wslLatency]).toBeNull();
    expect(figures[METRIC_IDS.vramUsed]).toBe(1228);
  });

  it('shows the newest readings while WSL runs or before the status is known', () => {
    expect(nowFigures(LATEST, status('running'))).toEqual(LATEST);
    expect(nowFigures(LATEST, undefined)).toEqual(LATEST);
  });
});
