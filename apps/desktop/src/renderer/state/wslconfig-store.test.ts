import { describe, expect, it } from 'vitest';
import { fakeBridge } from './testing/fake-bridge';
import { createWslconfigStore } from './wslconfig-store';

const DOCUMENT = { path: 'C:\\u\\.wslconfig', text: '[wsl2]\n', fields: [], unknownKeys: [], problems: [] };

describe('createWslconfigStore', () => {
  it('reviews the edits as a diff, saves them and starts clean', async () => {
    const fake = fakeBridge();
    fake.answer('wslconfig.read', () => DOCUMENT);
    fake.answer('wslconfig.preview', () => ({ diff: [{ kind: 'added', text: 'processors=4' }] }));
    fake.answer('wslconfig.save', () => ({ ...DOCUMENT, text: '[wsl2]\nprocessors=4\n' }));
    const store = createWslconfigStore(fake.bridge);
    await store.getState().load();
    store.getState().edit('wsl2.processors', '4');
    await store.getState().review();
    expect(store.getState().diff).toEqual([{ kind: 'added', text: 'processors=4' }]);
    expect(fake.calls.at(-1)?.request).toEqual({ edits: [{ key: 'wsl2.processors', value: '4' }] });
    await store.getState().save();
    expect(store.getState()).toMatchObject({
      edits: {},
      diff: undefined,
      document: { text: '[wsl2]\nprocessors=4\n' },
      notice: expect.stringMatching(/^Saved\./) as unknown,
    });
  });
});
