import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { desktopDir } from '../index';
import { CLI_BUNDLE } from './bundle';

const repoDir = join(desktopDir, '..', '..');

/** electron-builder's configuration as electron-builder itself resolves and validates it. */
async function resolvedConfig() {
  const config = await getConfig(repoDir, join(repoDir, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('the installer ships the command line', () => {
  it('packs the compiled CLI and the PATH shim beside the app, with the RunAsNode fuse the shim needs on', async () => {
    const config = await resolvedConfig();
    const resources = (config.extraResources ?? []) as { from: string; to: string }[];
    expect(resources).toEqual(
      expect.arrayContaining([
        { from: 'apps/cli/dist/headroom.cjs', to: 'cli/headroom.cjs' },
        { from: 'apps/desktop/installer/headroom.cmd', to: 'bin/headroom.cmd' },
      ]),
    );
    expect(join(repoDir, 'apps/cli/dist/headroom.cjs')).toBe(CLI_BUNDLE);
    expect(existsSync(join(repoDir, 'apps/desktop/installer/headroom.cmd'))).toBe(true);
    expect(config.electronFuses?.runAsNode).toBe(true);
  });

  it('the shim runs resources\\cli\\headroom.cjs with Headroom.exe as Node, and passes the exit code on', async () => {
    const config = await resolvedConfig();
    const shim = readFileSync(join(repoDir, 'apps/desktop/installer/headroom.cmd'), 'utf8');
    expect(shim).toContain('set ELECTRON_RUN_AS_NODE=1');
    expect(shim).toContain(`"%~dp0..\\..\\${config.productName ?? ''}.exe" "%~dp0..\\cli\\headroom.cjs" %*`);
    expect(shim).toContain('exit /b %HEADROOM_EXIT%');
    expect(shim.split('\r\n').length).toBeGreaterThan(5);
  });

  it('the installer offers PATH (ticked) and the uninstaller takes the same entry off again', async () => {
    const config = await resolvedConfig();
    expect(config.nsis?.include).toBe('apps/desktop/installer/installer.nsh');
    const script = readFileSync(join(repoDir, config.nsis?.include ?? ''), 'utf8');
    expect(script).toMatch(/\$\{NSD_Check\} \$HeadroomPathBox/);
    expect(script).toMatch(/\$\{WordAdd\} "\$0" ";" "\+\$INSTDIR\\resources\\bin"/);
    expect(script).toMatch(/\$\{un\.WordAdd\} "\$0" ";" "-\$3"/);
  });
});
