import { describe, expect, it } from 'vitest';
import { VMMEM_WATCH_COMMAND } from './vmmem-command';

describe('VMMEM_WATCH_COMMAND', () => {
  it('is a PowerShell loop that leaves when its stdin ends, not one that runs forever', () => {
    const [program, ...args] = VMMEM_WATCH_COMMAND;
    expect(program).toBe('powershell.exe');
    expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
    const script = args[3] ?? '';
    expect(script).not.toMatch(/while\s*\(\$true\)/);
    expect(script).toContain('[Console]::OpenStandardInput()');
    expect(script).toMatch(/until \(\$eof\.Wait\(5000\)\)/);
    expect(script).toContain('Get-Process -Name vmmemWSL, vmmem');
  });
});
