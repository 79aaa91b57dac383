import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedService, type SimulatedServiceFixture } from '../testing/simulated-service';

let fixture: SimulatedServiceFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

/** Every file of the zip as text (UTF-16LE outputs read as such), joined. */
function zipText(path: string): { names: string[]; text: string } {
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  const text = Object.values(entries)
    .map((bytes) => `${Buffer.from(bytes).toString('utf8')}\n${Buffer.from(bytes).toString('utf16le')}`)
    .join('\n');
  return { names: Object.keys(entries), text };
}

describe('support.saveBundle', () => {
  it('zips the capture and the log into the data folder without the simulated user or machine', async () => {
    fixture = await createSimulatedService('windows-update-broke-gpu');
    const { handlers } = fixture.service;
    const bundle = await handlers['support.saveBundle']({ redact: true });
    expect(bundle).toMatchObject({ redacted: true, canOpenFolder: false });
    expect(dirname(bundle.path)).toBe(bundle.folder);
    expect(bundle.folder.startsWith(fixture.headroom.layout.root)).toBe(true);
    const { names, text } = zipText(bundle.path);
    expect(names).toEqual(
      expect.arrayContaining(['capture.json', 'wsl-list-verbose.stdout', 'eventlog-windows-update.stdout']),
    );
    expect(text).toContain('C:\\\\Users\\\\[user]');
    expect(text).toContain('[machine]');
    expect(text).not.toMatch(/robin|DESKTOP-HEADROOM/i);
  });

  it('keeps the names when redaction is turned off, and says a browser cannot open the folder', async () => {
    fixture = await createSimulatedService('windows-update-broke-gpu');
    const { handlers } = fixture.service;
    const bundle = await handlers['support.saveBundle']({ redact: false });
    expect(bundle.redacted).toBe(false);
    expect(zipText(bundle.path).text).toMatch(
      /C:\\\\Users\\\\robin[\s\S]*DESKTOP-HEADROOM|DESKTOP-HEADROOM[\s\S]*C:\\\\Users\\\\robin/,
    );
    expect(await handlers['support.openFolder'](undefined)).toMatchObject({
      opened: false,
      path: bundle.folder,
      message: expect.stringContaining('A browser cannot open folders') as unknown,
    });
  });
});
