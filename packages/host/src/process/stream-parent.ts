/**
 * The parent of the lifetime test in stream-lifetime.test.ts, run as its own Node process:
 * `node --import tsx stream-parent.ts <distro>` with a simulated Windows' environment. It starts Headroom's two
 * long-lived streams as the metrics sampler does (nvidia-smi's `-lms` loop and the in-distro reader through wsl.exe),
 * prints one JSON line with their pids once both have printed, then waits to be killed.
 */
import { distroSamplerCommand, GPU_QUERY_FIELDS } from '@headroom/core';
import { startStream } from './line-stream';

const distro = process.argv[2] ?? 'Ubuntu-24.04';
const pids: Record<string, number | undefined> = {};
const seen = new Set<string>();
const report = (): void => {
  if (seen.size === 2) process.stdout.write(`${JSON.stringify(pids)}\n`);
};
const streams = {
  gpu: [
    'nvidia-smi.exe',
    `--query-gpu=${GPU_QUERY_FIELDS.join(',')}`,
    '--format=csv,noheader,nounits',
    '-lms',
    '1000',
  ],
  reader: ['wsl.exe', '-d', distro, ...distroSamplerCommand()],
} as const;
for (const [name, argv] of Object.entries(streams)) {
  const stream = startStream({
    argv,
    onText: () => {
      if (seen.has(name)) return;
      seen.add(name);
      report();
    },
    onExit: (code, stderr) => process.stderr.write(`${name} ended (${String(code)}): ${stderr}\n`),
  });
  pids[name] = stream.pid;
}
setInterval(() => undefined, 60_000);
