import type { Scenario } from './scenario';

const KERNEL = '5.15.167.4-microsoft-standard-WSL2';

/** A working setup: Ubuntu-24.04 (default) and Docker Desktop's distro, both on WSL 2 and running. */
export const healthy: Scenario = {
  name: 'healthy',
  summary: 'Everything works: Ubuntu-24.04 (default) and docker-desktop on WSL 2, both running.',
  distros: [
    { name: 'Ubuntu-24.04', version: 2, isDefault: true, running: true, nproc: 16, kernelRelease: KERNEL },
    { name: 'docker-desktop', version: 2, isDefault: false, running: true, nproc: 16, kernelRelease: KERNEL },
  ],
  wslVersion: {
    wsl: '2.3.26.0',
    kernel: '5.15.167.4-1',
    wslg: '1.0.65',
    msrdc: '1.2.5620',
    direct3d: '1.611.1-81528511',
    dxcore: '10.0.26100.1-240331-1435.ge-release',
    windows: '10.0.26100.2314',
  },
};
