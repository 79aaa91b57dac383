import { describe, expect, it } from 'vitest';
import { createSetupStore } from './setup-store';
import { fakeBridge, ServiceFailure } from './testing/fake-bridge';

describe('createSetupStore', () => {
  it('shows the start-at-sign-in switch moved at once, and moves it back when Windows refuses', async () => {
    const fake = fakeBridge();
    const answer = fake.hold('app.setLoginItem');
    const store = createSetupStore(fake.bridge);
    store.setState({ loginItem: { supported: true, enabled: false } });
    const setting = store.getState().setLoginItem(true);
    expect(store.getState().loginItem).toEqual({ supported: true, enabled: true });
    answer.reject(new ServiceFailure({ code: 'internal', message: 'The registry refused.' }));
    await setting;
    expect(store.getState()).toMatchObject({
      loginItem: { supported: true, enabled: false },
      error: { message: 'The registry refused.' },
    });
  });

  it('withdraws the checking notice when the check fails, and runs one check at a time', async () => {
    const fake = fakeBridge();
    const answer = fake.hold('setup.check');
    const store = createSetupStore(fake.bridge);
    const check = store.getState().runCheck();
    await store.getState().runCheck();
    expect(store.getState()).toMatchObject({
      checking: true,
      notice: 'Checking WSL, your distribution and the GPU…',
    });
    answer.reject(
      new ServiceFailure({ code: 'wsl-timeout', message: 'wsl.exe did not answer within 15 s.' }),
    );
    await check;
    expect(fake.calls).toHaveLength(1);
    expect(store.getState()).toMatchObject({
      checking: false,
      notice: undefined,
      error: { code: 'wsl-timeout' },
    });
  });

  it('says when its place could not be saved', async () => {
    const fake = fakeBridge();
    fake.answer('setup.saveState', () => {
      throw new ServiceFailure({ code: 'internal', message: 'The data folder is read-only.' });
    });
    const store = createSetupStore(fake.bridge);
    store.getState().goTo(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState()).toMatchObject({ step: 2, error: { message: 'The data folder is read-only.' } });
  });

  it('counts as loaded when its place cannot be read, so the window does not wait, and says why', async () => {
    const store = createSetupStore(fakeBridge().bridge);
    await store.getState().load();
    expect(store.getState()).toMatchObject({
      loaded: true,
      completed: false,
      error: { code: 'unavailable' },
    });
  });
});
