import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedWindows, type SimulatedWindows } from '@headroom/simulator';
import { createHeadroom, type Headroom } from '../headroom/create-headroom';
import { simulatedMachine } from '../headroom/machine';
import type { HeadroomService } from '../headroom-service';
import type { ServiceRouter } from '../service-router';

/** Headroom built by its composition root over a fresh simulated Windows, for integration tests. */
export interface SimulatedServiceFixture {
  readonly windows: SimulatedWindows;
  readonly headroom: Headroom;
  readonly service: HeadroomService;
  readonly router: ServiceRouter;
  /** Stop its watchers and sampling, and remove its state folder. */
  dispose(): void;
}

/** Build Headroom as the app does (`createHeadroom`) over the simulator's fake wsl.exe, its data in the state folder. */
export async function createSimulatedService(scenario = 'healthy'): Promise<SimulatedServiceFixture> {
  const stateDir = mkdtempSync(join(tmpdir(), 'headroom-service-'));
  const windows = createSimulatedWindows({ scenario, stateDir });
  const headroom = await createHeadroom({
    machine: simulatedMachine(windows),
    dataDir: join(stateDir, 'data'),
  });
  return {
    windows,
    headroom,
    service: headroom.service,
    router: headroom.router,
    dispose: () => {
      headroom.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
