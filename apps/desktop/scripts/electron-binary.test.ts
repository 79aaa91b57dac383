import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-electron-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('finds the executable path.txt names inside dist/', () => {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'path.txt'), 'electron.exe');
    writeFileSync(join(dir, 'dist', 'electron.exe'), '');
    expect(findElectronBinary(dir)).toEqual({ path: join(dir, 'dist', 'electron.exe') });
  });

  it('gives the reason when only the wrapper is installed, as on machines that cannot download it', () => {
    expect(findElectronBinary(dir)).toEqual({
      reason: expect.stringContaining("Electron's binary is not installed") as unknown,
    });
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir)).toHaveProperty('reason');
  });

  it('says so when the electron package itself is missing', () => {
    expect(findElectronBinary(undefined)).toEqual({
      reason: expect.stringContaining('not installed') as unknown,
    });
  });
});
