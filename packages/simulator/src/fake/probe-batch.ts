import type { LinuxContext } from './distro-linux';
import type { FakeInvocation } from './host-programs';

/** Whether a command is Headroom's batched in-distro probe script (`sh -c <script>`). */
export function isDistroProbeBatch(command: readonly string[]): boolean {
  return command[0] === 'sh' && command[1] === '-c' && (command[2] ?? '').includes('@@headroom-probe');
}

/** Answer the batched probe script from the simulated distro, in the script's own output format. */
export function runDistroProbeBatch(
  _ctx: LinuxContext,
  _command: readonly string[],
  _invocation: FakeInvocation,
): Promise<number> {
  return Promise.resolve(127);
}
