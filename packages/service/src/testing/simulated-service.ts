import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWslCli } from '@headroom/host';
import { createSimulatedWindows, type SimulatedWindows } from '@headroom/simulator';
import { createHeadroomService, type HeadroomService } from '../headroom-service';
import { createServiceRouter, type ServiceRouter } from '../service-router';

/** A service wired to a fresh simulated Windows, for integration tests; `dispose` removes its state folder. */
export interface SimulatedServiceFixture {
  readonly windows: SimulatedWindows;
  readonly service: HeadroomService;
  readonly router: ServiceRouter;
  dispose(): void;
}

/** Build the real service over the real wsl.exe adapter and the simulator's fake wsl.exe. */
export function createSimulatedService(scenario = 'healthy'): SimulatedServiceFixture {
  const stateDir = mkdtempSync(join(tmpdir(), 'headroom-service-'));
  const windows = createSimulatedWindows({ scenario, stateDir });
  const service = createHeadroomService({ wsl: createWslCli({ env: windows.env }) });
  return {
    windows,
    service,
    router: createServiceRouter(service),
    dispose: () => rmSync(stateDir, { recursive: true, force: true }),
  };
}
