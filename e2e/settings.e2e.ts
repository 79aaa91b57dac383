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

  it('sets the check interval, the distro and the CSV log; a restarted Headroom keeps them', async () => {
    const demo = await pages.open('docker-data-distro');
    const { page } = pages;
    await page.getByRole('link', { name: 'Settings' }).click();
    const status = page.getByTestId('settings-status');

    // Keyboard only: type the interval, Enter saves it.
    const interval = page.getByLabel('Run the health check every');
    await interval.fill('0');
    await page.getByText('Give a whole number of minutes from 1 to 1440.').waitFor();
    await interval.fill('15');
    await interval.press('Enter');
    await status.getByText('The health check runs every 15 minutes.').waitFor();

    await page.getByLabel('Distribution checked').selectOption('docker-desktop');
    await status.getByText('Checks and the dashboard use docker-desktop.').waitFor();

    const csv = page.getByRole('checkbox', { name: 'Keep every metrics sample in a CSV file' });
    expect(await csv.isChecked()).toBe(false);
    await csv.focus();
    await page.keyboard.press('Space');
    await status.getByText(/^Every metrics sample is kept in .*samples\.csv\.$/).waitFor();
    expect(JSON.parse(readFileSync(join(demo.stateDir, 'headroom', 'settings.json'), 'utf8'))).toEqual({
      healthIntervalMinutes: 15,
      distro: 'docker-desktop',
      metricsCsv: true,
    });

    await pages.restart();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.getByLabel('Run the health check every').inputValue()).toBe('15');
    expect(await page.getByLabel('Distribution checked').inputValue()).toBe('docker-desktop');
    expect(
      await page.getByRole('checkbox', { name: 'Keep every metrics sample in a CSV file' }).isChecked(),
    ).toBe(true);
    await pages.shot('settings-restarted');
  }, 120_000);
});
