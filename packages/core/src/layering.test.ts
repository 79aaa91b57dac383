import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of eslint.config.js, proven on deliberate violations: each snippet is linted with the
 * project's real config as if it sat at the given path. Type information is switched off (the snippets are not on
 * disk) and only the layering rules run.
 */
const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId.startsWith('no-restricted-'),
});

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(root, path) });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('layering: packages/core is pure', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ["import { spawn } from 'child_process';", 'no-restricted-imports'],
    ["import { join } from 'path';", 'no-restricted-imports'],
    ["import { app } from 'electron';", 'no-restricted-imports'],
    ["import { createWslCli } from '@headroom/host';", 'no-restricted-imports'],
    ['export const title = document.title;', 'no-restricted-globals'],
    ['export const home = process.env.USERPROFILE;', 'no-restricted-globals'],
    ['export const now = Date.now();', 'no-restricted-properties'],
    ['export const now = new Date();', 'no-restricted-syntax'],
  ])('refuses %s', async (code, rule) => {
    const found = await problems('packages/core/src/wsl/violation.ts', code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${rule}: `));
  });

  it('accepts pure code, and Node in core’s own tests', async () => {
    await expect(
      problems('packages/core/src/wsl/ok.ts', "export const at = new Date('2026-01-01');"),
    ).resolves.toEqual([]);
    await expect(
      problems('packages/core/src/wsl/ok.test.ts', "import { readFileSync } from 'node:fs';"),
    ).resolves.toEqual([]);
  });
});

describe('layering: only apps/desktop/src/main imports electron', () => {
  it.each([
    'packages/service/src/violation.ts',
    'packages/host/src/violation.ts',
    'packages/contract/src/violation.ts',
    'apps/cli/src/violation.ts',
    'apps/desktop/src/preload/violation.ts',
    'apps/desktop/src/renderer/violation.tsx',
    'e2e/violation.ts',
  ])('refuses electron in %s', async (path) => {
    const found = await problems(path, "import { ipcRenderer } from 'electron';");
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Only apps\/desktop\/src\/main imports electron/),
    ]);
  });

  it('accepts electron in the main process', async () => {
    await expect(
      problems('apps/desktop/src/main/window.ts', "import { BrowserWindow } from 'electron';"),
    ).resolves.toEqual([]);
  });
});

describe('layering: the renderer talks to the service only through the contract', () => {
  it.each([
    "import { createWslCli } from '@headroom/host';",
    "import { createHeadroomService } from '@headroom/service';",
    "import { createSimulatedWindows } from '@headroom/simulator';",
    "import { readFile } from 'node:fs/promises';",
  ])('refuses %s', async (code) => {
    await expect(problems('apps/desktop/src/renderer/components/Violation.tsx', code)).resolves.toEqual([
      expect.stringMatching(/^no-restricted-imports: /),
    ]);
  });

  it('accepts the contract and core', async () => {
    const code =
      "import { createBridge } from '@headroom/contract';\nimport { decodeConsoleOutput } from '@headroom/core';";
    await expect(problems('apps/desktop/src/renderer/components/Ok.tsx', code)).resolves.toEqual([]);
  });
});
