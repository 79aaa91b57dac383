/**
 * @headroom/simulator — a simulated Windows for machines that are not Windows. Fake executables (wsl.exe now;
 * nvidia-smi.exe, wevtutil.exe and reg.exe) act out named scenarios and keep their state in a folder, so the
 * app, the CLI and the tests run Headroom's real process-spawning code against them.
 */
export { getScenario, SCENARIOS, scenarioNames } from './scenarios';
export type {
  DistroGpuBehavior,
  Scenario,
  SimulatedDistro,
  SimulatedEvent,
  SimulatedGgufHeader,
  SimulatedGpu,
  SimulatedModelFile,
  SimulatedOllama,
  SimulatedOllamaModel,
  SimulatedWslVersion,
} from './scenarios/scenario';
export {
  bootConfig,
  SIMULATED_IDENTITY,
  SIMULATED_USER_PROFILE,
  SIMULATED_WSLCONFIG_PATH,
  type VmConfig,
} from './vm-config';
export {
  createSimulatedWindows,
  type SimulatedHostFacts,
  type SimulatedWindows,
  type SimulatedWindowsOptions,
} from './simulated-windows';
export { readVmState, type VmState } from './vm-state';
export { fakeOllamaApi, type FakeOllamaApi } from './fake/ollama-api';
export { simulatorTimeScale } from './time-scale';
export { readInvocations, type Invocation } from './invocation-log';
