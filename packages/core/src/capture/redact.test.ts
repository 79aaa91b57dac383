import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeConsoleOutput } from '../text/decode-console';
import { decodeOemOutput } from '../text/decode-oem';
import { readShellFolders } from '../windows/windows-facts';
import { CAPTURE_FORMAT, type Capture, type ProbeRecord } from './capture';
import { redactBytes, redactCapture, redactText } from './redact';

const testdata = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../testdata/${path}`, import.meta.url)));
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
/** CP850 as the German console prints it: ü is 0x81. */
const cp850 = (text: string): Uint8Array =>
  Uint8Array.from(Array.from(text, (char) => (char === 'ü' ? 0x81 : char.charCodeAt(0))));

function probe(id: string, stdout: Uint8Array, argv: string[] = [id]): ProbeRecord {
  return { id, argv, exitCode: 0, durationMs: 10, timedOut: false, stdout, stderr: new Uint8Array() };
}

/**
 * A capture assembled from the repository's recorded outputs: OneDrive shell folders of `alex`, microsoft/WSL#8174's
 * shell session of `tux@RIPPER`, a corpus .wslconfig with `C:\\Users\\dvchevskii`, WSL's UTF-16LE boot warning
 * and a German reg.exe in code page 850 for Jürgen.
 */
function realCapture(): Capture {
  return {
    format: CAPTURE_FORMAT,
    createdAt: '2026-12-06T00:00:00.000Z',
    host: { totalMemoryBytes: 34_359_738_368, logicalProcessors: 16, userProfile: 'C:\\Users\\alex' },
    probes: [
      probe('reg-shell-folders', testdata('registry/shell-folders-onedrive.txt'), [
        'reg.exe',
        'query',
        'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders',
      ]),
      probe('distro-nvidia-smi', testdata('nvidia-smi/wsl/ms-WSL-8174__which-and-file-nvidia-smi.txt')),
      probe(
        'wsl-list-verbose',
        utf16le(
          "wsl: Invalid memory string '16gb' for .wslconfig entry 'wsl2.memory' in C:\\Users\\alex\\.wslconfig:2\r\n  NAME            STATE           VERSION\r\n* Ubuntu-24.04    Running         2\r\n",
        ),
      ),
      probe('reg-oem-codepage', cp850('    Personal    REG_EXPAND_SZ    C:\\Users\\Jürgen\\Documents\r\n')),
      probe('distro-model-dirs', utf8('/home/alex/.ollama/models -> /mnt/c/Users/alex/models\n')),
    ],
    wslconfig: testdata('wslconfig-corpus/003.wslconfig'),
  };
}

/** The Windows account, and the Linux account of the WSL session as a second name. */
const targets = { userName: 'alex', home: 'C:\\Users\\alex', machineName: 'RIPPER', extra: ['tux'] };

function allText(capture: Capture): string {
  return [
    JSON.stringify(capture.host),
    ...capture.probes.flatMap((record) => [
      record.argv.join(' '),
      decodeConsoleOutput(record.stdout).text,
      decodeOemOutput(record.stdout, 850).text,
    ]),
    decodeConsoleOutput(capture.wslconfig ?? new Uint8Array()).text,
  ].join('\n');
}

describe('redactCapture', () => {
  it('leaves no user name, profile path or machine name in any output, .wslconfig or the host facts', () => {
    const original = realCapture();
    expect(allText(original)).toMatch(/alex|tux|RIPPER|dvchevskii|Jürgen/);
    const redacted = redactCapture(original, targets);
    const text = allText(redacted);
    for (const name of ['alex', 'tux', 'RIPPER', 'dvchevskii', 'Jürgen', 'J\u0081rgen'])
      expect(text).not.toContain(name);
    expect(redacted.host.userProfile).toBe('C:\\Users\\[user]');
    expect(decodeConsoleOutput(redacted.probes[2]?.stdout ?? new Uint8Array()).text).toContain(
      "'wsl2.memory' in C:\\Users\\[user]\\.wslconfig:2\n",
    );
    expect(decodeConsoleOutput(redacted.wslconfig ?? new Uint8Array()).text).toContain(
      'swapFile=C:\\\\Users\\\\[user]\\\\wsl2\\\\tmp\\\\swap.vhdx',
    );
    expect(decodeConsoleOutput(redacted.probes[4]?.stdout ?? new Uint8Array()).text).toBe(
      '/home/[user]/.ollama/models -> /mnt/c/Users/[user]/models\n',
    );
  });

  it('keeps what the doctor reads: the shell folders still parse and OneDrive is still seen', () => {
    const redacted = redactCapture(realCapture(), targets);
    const folders = readShellFolders({
      stdout: decodeConsoleOutput(redacted.probes[0]?.stdout ?? new Uint8Array()).text,
      exitCode: 0,
    });
    expect(folders.ok && folders.value).toMatchObject({
      desktop: { onOneDrive: true, path: 'C:\\Users\\[user]\\OneDrive\\Desktop' },
      documents: { onOneDrive: true, path: 'C:\\Users\\[user]\\OneDrive\\Documents' },
      redirectedToOneDrive: true,
    });
    const session = decodeConsoleOutput(redacted.probes[1]?.stdout ?? new Uint8Array()).text;
    expect(session).toContain('PS C:\\Users\\[user]> wsl which nvidia-smi');
    expect(session).toContain('[user]@[machine]:~$ file /usr/lib/wsl/lib/nvidia-smi');
    expect(session).toContain('/usr/lib/wsl/lib/nvidia-smi: ELF 64-bit LSB executable');
  });

  it('changes no byte of an output that names no one, and keeps UTF-16LE as UTF-16LE', () => {
    const meminfo = testdata('distro/meminfo-wsl2-16g.txt');
    expect(redactBytes(meminfo, targets)).toEqual(meminfo);
    const list = utf16le('  NAME      STATE    VERSION\r\n* Ubuntu    Running  2\r\n');
    expect(redactBytes(list, targets)).toEqual(list);
    expect(Buffer.from(redactBytes(utf16le('C:\\Users\\Alex\\x'), targets)).toString('utf16le')).toBe(
      'C:\\Users\\[user]\\x',
    );
  });

  it('keeps a profile folder in its own spelling: doubled backslashes stay doubled, slashes stay slashes', () => {
    const home = { home: 'D:\\Profiles\\alex.smith' };
    expect(redactText('swapFile=D:\\\\Profiles\\\\alex.smith\\\\swap.vhdx', home)).toBe(
      'swapFile=D:\\\\Profiles\\\\[user]\\\\swap.vhdx',
    );
    expect(redactText('D:/Profiles/alex.smith/models and D:\\Profiles\\ALEX.SMITH', home)).toBe(
      'D:/Profiles/[user]/models and D:\\Profiles\\[user]',
    );
  });

  it('hides the machine part of an account SID in event XML and registry paths, and keeps well-known SIDs', () => {
    // The shape of Microsoft's own example SID (learn.microsoft.com, "Security identifiers"), as wevtutil prints a
    // user's event and reg.exe a user's hive; S-1-5-18 (LocalSystem) and S-1-5-32-544 (Administrators) name no one.
    const events =
      "<Security UserID='S-1-5-21-1004336348-1177238915-682003330-1001'/>\r\n<Security UserID='S-1-5-18'/>\r\n";
    expect(redactText(events, {})).toBe(
      "<Security UserID='S-1-5-21-[machine]-1001'/>\r\n<Security UserID='S-1-5-18'/>\r\n",
    );
    const hive = 'HKEY_USERS\\S-1-5-21-1004336348-1177238915-682003330-1001\\Software S-1-5-32-544\r\n';
    expect(new TextDecoder('utf-16le').decode(redactBytes(utf16le(hive), {}))).toBe(
      'HKEY_USERS\\S-1-5-21-[machine]-1001\\Software S-1-5-32-544\r\n',
    );
    expect(new TextDecoder().decode(redactBytes(utf8(hive), {}))).toContain('S-1-5-21-[machine]-1001');
  });

  it('replaces a name only as a whole word, and leaves shared profiles named', () => {
    expect(redactText('alexander and alex, ALEX@RIPPER', targets)).toBe(
      'alexander and [user], [user]@[machine]',
    );
    expect(redactText('C:\\Users\\Public\\Documents C:\\Users\\Default', {})).toBe(
      'C:\\Users\\Public\\Documents C:\\Users\\Default',
    );
  });
});
