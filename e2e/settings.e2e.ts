import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoPages } from './support/demo-pages';

/** Screenshots land here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'settings'));

describe('the Settings page in the browser demo', () => {
  it('mutes a kind of notification with the keyboard; notifications.json keeps it across a reload', async () => {
    const demo = await pages.open('healthy');
    const { page } = pages;
    await page.getByRole('link', { name: 'Settings' }).click();
    const driver = page.getByRole('checkbox', { name: 'The NVIDIA driver changed' });
    await driver.waitFor();
    expect(await driver.isChecked()).toBe(true);
    await driver.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('settings-status').getByText('Muted: The NVIDIA driver changed.').waitFor();
    const file = join(demo.stateDir, 'headroom', 'notifications.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ muted: ['driver-change'] });

    await page.reload();
    await page.getByRole('checkbox', { name: 'The NVIDIA driver changed' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'The NVIDIA driver changed' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'A Windows Update was installed' }).isChecked()).toBe(
      true,
    );
    expect(await page.getByTestId('version').textContent()).toMatch(/^\d+\.\d+\.\d+$/);
    await page.getByRole('button', { name: 'Open data folder' }).click();
    await page
      .getByTestId('settings-status')
      .getByText(/cannot open folders/)
      .waitFor();
    await pages.shot('settings');
  }, 60_000);
});
