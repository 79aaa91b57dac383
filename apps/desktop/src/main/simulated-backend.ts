import { join } from 'node:path';
import { createWslCli } from '@headroom/host';
import { createHealthMonitor, createMetricsSampler, createVerifier, quietCollector } from '@headroom/service';
import { createSimulatedWindows } from '@headroom/simulator';
import type { Backend, SimulatedBackendOptions } from './backend';

/**
 * The development app's backend off Windows: the simulator's fake wsl.exe and friends in `simulator/` under
 * userData, acting out `HEADROOM_SCENARIO` (an explicit scenario first, then 'healthy'). Only dev-index.ts imports
 * this module, so the production bundle holds no simulator.
 */
export function simulatedBackend(options: SimulatedBackendOptions): Backend {
  const { keep, stateFile, csvLog } = options;
  const scenario = options.scenario ?? (options.env ?? process.env).HEADROOM_SCENARIO ?? 'healthy';
  const sim = createSimulatedWindows({ scenario, stateDir: join(options.userDataDir, 'simulator') });
  const metrics = createMetricsSampler({ env: sim.env, hostMemory: () => sim.hostMemory(), ...csvLog });
  const verifier = createVerifier({
    env: sim.env,
    host: sim.host,
    wslconfigPath: sim.wslconfigPath,
    ...keep,
  });
  return {
    wsl: createWslCli({ env: sim.env }),
    verifier,
    setup: { stateFile, wslconfigPath: sim.wslconfigPath },
    metrics,
    health: createHealthMonitor({
      collect: quietCollector(sim),
      latency: () => metrics.latency(),
      baseline: () => verifier.baselines?.latest() ?? Promise.resolve(undefined),
    }),
    simulated: true,
    scenario: sim.scenario,
  };
}
