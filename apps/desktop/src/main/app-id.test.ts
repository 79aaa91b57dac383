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
});
