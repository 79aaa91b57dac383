import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedWindows, type SimulatedWindows } from '@headroom/simulator';
import { createHeadroom, type Headroom } from '../headroom/create-headroom';
import { simulatedMachine } from '../headroom/machine';
import type { HeadroomService } from '../headroom-service';
import type { ServiceRouter } from '../service-router';
import { removeTempFolder } from './temp-folder';

/** Headroom built by its composition root over a fresh simulated Windows, for integration tests. */
export interface SimulatedServiceFixture {
  readonly windows: SimulatedWindows;
  readonly headroom: Headroom;
  readonly service: HeadroomService;
  readonly router: ServiceRouter;
  /** Stop its watchers and sampling, let the work under way end, and remove its state folder. */
  dispose(): Promise<void>;
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
    dispose: async () => {
      headroom.stop();
      await headroom.settled();
      removeTempFolder(stateDir);
    },
  };
}
