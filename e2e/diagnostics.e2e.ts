import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { useDemoPages, wslconfigOf } from './support/demo-pages';

/** Screenshots land here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'diagnostics'));

describe('the Diagnostics page in the browser demo', () => {
  it('fixes the ignored memory line with its button: diff first, the file changed byte-exactly, verify passes', async () => {
    const demo = await pages.open('invalid-memory-value');
    const { page } = pages;
    await page.getByRole('link', { name: 'Diagnostics' }).click();
    const finding = page.locator('[data-finding="wslconfig-ignored-lines"]');
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/memory=16gb/);

    // Why? opens the source; keyboard only from here: Fix, then Enter on the focused "Apply the fix".
    await finding.getByText('Why?').click();
    await finding.locator('.finding__source').waitFor();
    await finding.getByRole('button', { name: 'Fix' }).focus();
    await page.keyboard.press('Enter');
    const diff = finding.getByLabel('The change to .wslconfig');
    await diff.waitFor();
    expect(await diff.locator('[data-kind="removed"]').allTextContents()).toEqual([
      expect.stringContaining('memory=16gb') as unknown,
    ]);
    expect(await diff.locator('[data-kind="added"]').allTextContents()).toEqual([
      expect.stringContaining('memory=16GB') as unknown,
    ]);
    await pages.shot('1-diff');
    expect(wslconfigOf(demo)).toBe('[wsl2]\r\nmemory=16gb\r\nprocessors=12\r\n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Apply the fix');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('diagnostics-status')
      .getByText(/^Done: /)
      .waitFor();
    expect(wslconfigOf(demo)).toBe('[wsl2]\r\nmemory=16GB\r\nprocessors=12\r\n');
    await page.locator('[data-finding="wslconfig-ignored-lines"]').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Shut down WSL and verify' }).click();
    const dialog = page.getByRole('dialog', { name: 'Shut down WSL?' });
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Verified: WSL runs with your .wslconfig.').waitFor({ timeout: 60_000 });
    await pages.shot('2-verified');
  }, 120_000);

  it('mutes a finding, keeps it muted after a reload, and announces a new run of the checks', async () => {
    await pages.open('invalid-memory-value');
    const { page } = pages;
    await page.getByRole('link', { name: 'Diagnostics' }).click();
    const finding = page.locator('[data-finding="wslconfig-ignored-lines"]');
    await finding.getByRole('button', { name: /^Mute/ }).click();
    await page.getByRole('heading', { name: 'Muted (1)' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Muted (1)' }).waitFor();
    await page.getByRole('button', { name: 'Run checks again' }).click();
    await page
      .getByTestId('diagnostics-status')
      .getByText(/^Checked: /)
      .waitFor();
  }, 60_000);

  it('saves a support bundle: progress, then the path, and capture.json inside without the user’s name', async () => {
    await pages.open('windows-update-broke-gpu');
    const { page } = pages;
    await page.getByRole('link', { name: 'Diagnostics' }).click();
    const card = page.getByRole('region', { name: 'Support bundle' });
    expect(await card.getByLabel('Replace my user name, profile folder and computer name').isChecked()).toBe(
      true,
    );
    // Keyboard only: Tab to the button, Enter.
    await card.getByRole('button', { name: 'Save support bundle' }).focus();
    await page.keyboard.press('Enter');
    await card.getByText(/Collecting what Windows, WSL and the GPU say/).waitFor();
    const path = (await card.getByTestId('support-bundle-path').textContent({ timeout: 60_000 })) ?? '';
    expect(path).toMatch(/headroom-support-[\dT-]+\.zip$/);
    expect(await card.getByTestId('support-status').textContent()).toContain(`your names replaced): ${path}`);
    await pages.shot('3-support-bundle');

    const entries = unzipSync(new Uint8Array(readFileSync(path)));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['capture.json', 'wsl-list-verbose.stdout']));
    const captureJson = strFromU8(entries['capture.json'] ?? new Uint8Array());
    expect(captureJson).toContain('"userProfile": "C:\\\\Users\\\\[user]"');
    const everything = Object.values(entries)
      .map((bytes) => `${strFromU8(bytes, true)}\n${Buffer.from(bytes).toString('utf16le')}`)
      .join('\n');
    expect(everything).not.toMatch(/robin|DESKTOP-HEADROOM/i);

    // The demo in a browser cannot open a folder: it says where the bundle is instead.
    await card.getByRole('button', { name: 'Open folder' }).click();
    await card
      .getByTestId('support-status')
      .getByText(/A browser cannot open folders/)
      .waitFor();
  }, 120_000);
});
