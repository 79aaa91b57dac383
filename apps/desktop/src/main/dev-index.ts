/**
 * The development app's entry (`npm start` with Electron's binary): the same app as index.ts, allowed to run off
 * Windows against the simulated Windows. The order matters: the simulator is allowed before the app starts.
 */
import './use-simulator';
import './index';
