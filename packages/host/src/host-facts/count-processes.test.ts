import { describe, expect, it } from 'vitest';
import { hostFactsProcesses } from './count-processes';

describe('hostFactsProcesses', () => {
  it('starts one PowerShell session for every health check and no process per check, NVIDIA driver installed', () => {
    const once = hostFactsProcesses(1);
    const many = hostFactsProcesses(6);
    expect(once.persistent).toBe(1);
    expect(many.started.filter((counted) => /powershell\.exe$/i.test(counted.program))).toHaveLength(1);
    expect(many.processes).toBe(once.processes);
  });
});
