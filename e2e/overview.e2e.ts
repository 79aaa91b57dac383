import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoPages } from './support/demo-pages';

/** Screenshots land here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'overview'));

describe('the Overview in the browser demo', () => {
  it('shows an amber .wslconfig card when the file waits for WSL’s restart (config-not-applied)', async () => {
    await pages.open('config-not-applied');
    const { page } = pages;
    await page.getByRole('link', { name: 'Overview' }).click();
    const card = page.locator('.health-card[data-area="wslconfig"]');
    await card.waitFor();
    expect(await card.getAttribute('data-light')).toBe('amber');
    expect(await card.textContent()).toContain('Needs attention');
    await pages.shot('config-not-applied');
    await card.getByRole('button', { name: /Shut down WSL and verify/ }).click();
    await page.getByRole('heading', { name: 'Diagnostics', level: 1 }).waitFor();
  }, 60_000);

  it('says in one sentence that everything is OK (healthy), and keeps the distros and Shut down', async () => {
    await pages.open('healthy');
    const { page } = pages;
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('all-green').waitFor();
    const lights = await page
      .locator('.health-card')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-light')));
    expect(lights).toEqual(['green', 'green', 'green', 'green', 'green']);
    await page.getByRole('button', { name: 'Shut down WSL' }).waitFor();
    await page.getByRole('link', { name: /VRAM used/ }).waitFor();
    await pages.shot('healthy');
  }, 60_000);
});
