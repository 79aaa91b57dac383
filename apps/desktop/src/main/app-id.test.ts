import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from './app-id';

const BUILDER_CONFIG = join(import.meta.dirname, '..', '..', '..', '..', 'electron-builder.yml');

describe('APP_ID', () => {
  it('is the appId electron-builder installs the app under, so Windows shows its notifications', () => {
    const appId = /^appId:\s*(\S+)\s*$/m.exec(readFileSync(BUILDER_CONFIG, 'utf8'))?.[1];
    expect(appId).toBe(APP_ID);
  });

  it('ships a per-user installer of only the built bundles', () => {
    const config = readFileSync(BUILDER_CONFIG, 'utf8');
    expect(config).toMatch(/^\s+perMachine: false$/m);
    expect(config).toMatch(/^asar: true$/m);
    expect(config).toContain("'!node_modules/**'");
  });

  it('flips the fuses a shipped Electron app should, keeping RunAsNode only for the CLI on PATH, with the reason', () => {
    const config = readFileSync(BUILDER_CONFIG, 'utf8');
    const fuses = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(config)?.[1] ?? '';
    const fuse = (name: string): string | undefined =>
      new RegExp(`^ {2}${name}: (true|false)$`, 'm').exec(fuses)?.[1];
    expect(fuse('onlyLoadAppFromAsar')).toBe('true');
    expect(fuse('enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(fuse('enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(fuse('enableNodeCliInspectArguments')).toBe('false');
    expect(fuse('runAsNode')).toBe('true');
    expect(config).toMatch(/runAsNode stays on for one reason: the `headroom` command/);
  });

  it('removes the sign-in entry on uninstall (not on update), under the name Electron writes it', () => {
    const include = /^ {2}include: (\S+)$/m.exec(readFileSync(BUILDER_CONFIG, 'utf8'))?.[1] ?? '';
    const script = readFileSync(join(BUILDER_CONFIG, '..', include), 'utf8');
    expect(script).toMatch(/!macro customUnInstall[\s\S]*\$\{IfNot\} \$\{isUpdated\}/);
    expect(script).toContain(
      `DeleteRegValue HKCU "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "${APP_ID}"`,
    );
  });
});
