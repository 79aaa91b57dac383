/**
 * HEADROOM_SIM_TIME_SCALE shrinks the simulated machine's time (0.01 = a hundred times faster): the fake programs'
 * latency, and the waits of whoever drives them (the demo's verify timeout). Invalid values count as 1.
 */
export function simulatorTimeScale(env: NodeJS.ProcessEnv): number {
  const scale = Number(env.HEADROOM_SIM_TIME_SCALE ?? '1');
  return Number.isFinite(scale) && scale >= 0 ? scale : 1;
}
