import { describe, expect, it } from 'vitest';
import { createSupportStore, sizeInWords } from './support-store';
import { fakeBridge, ServiceFailure } from './testing/fake-bridge';

const BUNDLE = {
  path: '/data/support/headroom-support-2026-12-06T00-41-02.zip',
  folder: '/data/support',
  bytes: 43_008,
  redacted: true,
  entries: ['capture.json', 'logs/headroom.log'],
  canOpenFolder: false,
};

describe('createSupportStore', () => {
  it('redacts by default, says it is collecting, then where the bundle is', async () => {
    const fake = fakeBridge();
    const held = fake.hold('support.saveBundle');
    const store = createSupportStore(fake.bridge);
    const saving = store.getState().save();
    await Promise.resolve();
    expect(store.getState()).toMatchObject({
      saving: true,
      notice: expect.stringContaining('Collecting') as unknown,
    });
    held.resolve(BUNDLE);
    await saving;
    expect(fake.calls).toEqual([{ channel: 'support.saveBundle', request: { redact: true } }]);
    expect(store.getState()).toMatchObject({
      saving: false,
      bundle: { path: BUNDLE.path },
      notice: `Saved the support bundle (42 KB, your names replaced): ${BUNDLE.path}`,
    });
  });

  it('asks for an unredacted bundle when the box is cleared, and says a failure plainly', async () => {
    const fake = fakeBridge();
    const asked: unknown[] = [];
    fake.answer('support.saveBundle', (request) => {
      asked.push(request);
      throw new ServiceFailure({
        code: 'internal',
        message: 'The support bundle could not be written to /data/support: EACCES',
      });
    });
    const store = createSupportStore(fake.bridge);
    store.getState().setRedact(false);
    await store.getState().save();
    expect(asked).toEqual([{ redact: false }]);
    expect(store.getState().notice).toBeUndefined();
    expect(store.getState().error?.message).toContain('could not be written to /data/support: EACCES');
  });

  it('says where the folder is when this window cannot open it', async () => {
    const fake = fakeBridge();
    fake.answer('support.openFolder', () => ({
      opened: false,
      path: '/data/support',
      message: 'A browser cannot.',
    }));
    const store = createSupportStore(fake.bridge);
    await store.getState().openFolder();
    expect(store.getState().notice).toBe('A browser cannot. /data/support');
    expect(sizeInWords(900)).toBe('900 bytes');
    expect(sizeInWords(3 * 1024 ** 2)).toBe('3.0 MB');
  });
});
