import { allowSimulatedMachine } from './backend';
import { simulatedMachineFor } from './simulated-backend';

// Imported by the development entry before the app itself, so the app may run against the simulated Windows.
allowSimulatedMachine(simulatedMachineFor);
