import { describe, expect, it } from 'vitest';
import type { SetupGoal, SetupModels, SetupPlan } from '@headroom/contract';
import { createSetupStore, STEP, tickedEdits } from './setup-store';
import { fakeBridge, ServiceFailure } from './testing/fake-bridge';

const MODEL_70B = {
  id: 'ollama:llama3.1:70b',
  name: 'llama3.1:70b',
  source: 'ollama',
  where: 'Ollama',
  sizeBytes: 42_520_395_264,
  quant: 'Q4_K_M',
  defaultContext: { tokens: 4096, why: 'Ollama gives every model 4,096 tokens unless told otherwise.' },
  preselected: true,
  preselectedWhy: 'the most recently used in Ollama',
} as const;
const MODEL_8B = {
  id: 'gguf:Ubuntu-24.04:/home/me/.cache/huggingface/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf',
  name: 'Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf',
  source: 'gguf',
  where: 'Hugging Face cache in Ubuntu-24.04',
  sizeBytes: 4_920_734_016,
  preselected: false,
} as const;
const MODELS: SetupModels = {
  discovered: [MODEL_70B, MODEL_8B],
  skipped: [],
  presets: [{ id: 'llama-3.1-8b', name: 'Llama 3.1 8B Instruct', quants: ['Q4_K_M'], maxContext: 131072 }],
  kvTypes: ['f16', 'q8_0'],
};
const BOUNDS = { min: 1, max: 32, step: 1 };

/** A sizing answer: the model, whether it fits, and the changes it asks for. */
function planOf(model: string, fits: boolean, changes: SetupPlan['changes'] = []): SetupPlan {
  return {
    model,
    fits,
    sizing: [],
    warnings: [],
    changes,
    bounds: { memory: BOUNDS, processors: BOUNDS, swap: { ...BOUNDS, min: 0 } },
    values: { memoryGB: 24, processors: 16, swapGB: 0 },
  };
}

const MEMORY = {
  key: 'memory',
  value: '24GB',
  current: '8GB',
  why: 'The VM would get 8 GiB.',
  needed: true,
} as const;
const SWAP = { key: 'swap', value: '6GB', current: '0', why: '25 % of memory.', needed: false } as const;

/** A bridge whose service has the 70B in Ollama and an 8B GGUF, and saves the wizard's place. */
function machine(plan: (goal: SetupGoal) => SetupPlan) {
  const fake = fakeBridge();
  fake.answer('setup.state', () => ({ step: 1, completed: false }));
  fake.answer('setup.models', () => MODELS);
  fake.answer('app.loginItem', () => ({ supported: false, enabled: false }));
  fake.answer('setup.saveState', () => ({ saved: true }));
  fake.answer('setup.plan', (goal) => plan(goal as SetupGoal));
  fake.answer('setup.preview', () => ({
    diff: [],
    problems: [],
    vm: { memoryBytes: 0, processors: 1, swapBytes: 0 },
    path: 'C:\\Users\\me\\.wslconfig',
  }));
  return fake;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSetupStore', () => {
  it('sizes the model most likely in use as soon as the goal step opens, at its runtime’s default context', async () => {
    const fake = machine(() => planOf('Llama 3.1 70B', true, [MEMORY, SWAP]));
    const store = createSetupStore(fake.bridge);
    await store.getState().load();
    store.getState().goTo(STEP.goal);
    await settle();
    await settle();
    expect(fake.calls.find((call) => call.channel === 'setup.plan')?.request).toEqual({
      model: { kind: 'discovered', id: MODEL_70B.id },
      ctx: 4096,
      kvType: 'f16',
    });
    // Memory is what the goal needs; the swap change only follows it, so it waits unticked.
    expect(tickedEdits(store.getState().edits)).toEqual([{ key: 'memory', value: '24GB' }]);
    expect(store.getState().edits?.swap).toEqual({ amount: 0, ticked: false });
  });

  it('records setup as done on reaching the last step, so leaving it by the rail is not "half-way"', () => {
    const store = createSetupStore(machine(() => planOf('x', true)).bridge);
    store.getState().goTo(STEP.done);
    expect(store.getState()).toMatchObject({ step: STEP.done, completed: true });
  });

  it('judges the goal against the file after the verification: it fits now', async () => {
    const store = createSetupStore(machine(() => planOf('Llama 3.1 70B', true)).bridge);
    store.setState({
      models: MODELS,
      goal: { model: { kind: 'discovered', id: MODEL_70B.id }, ctx: 4096, kvType: 'f16' },
    });
    await store.getState().judgeGoal();
    expect(store.getState().goalNow).toMatchObject({ state: 'fits' });
  });

  it('says the goal does not fit yet when a change it needs was left unticked', async () => {
    const store = createSetupStore(machine(() => planOf('Llama 3.1 70B', true, [MEMORY])).bridge);
    store.setState({
      models: MODELS,
      goal: { model: { kind: 'discovered', id: MODEL_70B.id }, ctx: 4096, kvType: 'f16' },
    });
    await store.getState().judgeGoal();
    expect(store.getState().goalNow).toMatchObject({ state: 'short' });
  });

  it('names what the service found does fit when the goal cannot fit beside Windows', async () => {
    const ceiling = {
      neededBytes: 60 * 2 ** 30,
      currentBytes: 24 * 2 ** 30,
      maxBytes: 24 * 2 ** 30,
      fitsNow: false,
      fitsAtMax: false,
      largestContext: 2048,
      fittingModels: [{ id: MODEL_8B.id, name: MODEL_8B.name, ctx: 8192 }],
    };
    const fake = machine(() => ({ ...planOf('Llama 3.1 70B', false), ceiling }));
    const store = createSetupStore(fake.bridge);
    store.setState({
      models: MODELS,
      goal: { model: { kind: 'discovered', id: MODEL_70B.id }, ctx: 4096, kvType: 'f16' },
    });
    await store.getState().judgeGoal();
    expect(store.getState().goalNow).toMatchObject({
      state: 'too-big',
      fitting: ['Llama 3.1 70B at 2,048 tokens', `${MODEL_8B.name} at 8,192 tokens`],
    });
    expect(fake.calls.filter((call) => call.channel === 'setup.plan')).toHaveLength(1);
  });

  it('names what does fit, sizing smaller goals itself, when the service gives no ceiling', async () => {
    const fake = machine((goal) =>
      goal.model.kind === 'discovered' && goal.model.id === MODEL_8B.id
        ? planOf('Llama 3.1 8B', true)
        : planOf('Llama 3.1 70B', false),
    );
    const store = createSetupStore(fake.bridge);
    store.setState({
      models: MODELS,
      goal: { model: { kind: 'discovered', id: MODEL_70B.id }, ctx: 4096, kvType: 'f16' },
    });
    await store.getState().judgeGoal();
    expect(store.getState().goalNow).toMatchObject({
      state: 'too-big',
      fitting: ['Llama 3.1 8B at 4,096 tokens'],
    });
  });

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
