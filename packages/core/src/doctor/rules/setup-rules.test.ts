import { describe, expect, it } from 'vitest';
import { captureOf, doctorOf } from '../testing/capture-of';

const GiB = 2 ** 30;
const LIST = '  NAME            STATE           VERSION\n* Ubuntu-24.04    Running         2\n';
const meminfo = (memoryGiB: number, swapGiB: number): string =>
  [
    `MemTotal:       ${Math.floor(memoryGiB * 0.975 * 2 ** 20)} kB`,
    `MemFree:        ${Math.floor(memoryGiB * 0.8 * 2 ** 20)} kB`,
    `MemAvailable:   ${Math.floor(memoryGiB * 0.9 * 2 ** 20)} kB`,
    `SwapTotal:      ${swapGiB * 2 ** 20} kB`,
    `SwapFree:       ${swapGiB * 2 ** 20} kB`,
    '',
  ].join('\n');
const MOUNTS = [
  '/dev/sdc / ext4 rw,relatime,discard,errors=remount-ro,data=ordered 0 0',
  'C:\\134 /mnt/c 9p rw,noatime,dirsync,aname=drvfs;path=C:\\;uid=1000;gid=1000;symlinkroot=/mnt/ 0 0',
  'D:\\134 /mnt/d 9p rw,noatime,dirsync,aname=drvfs;path=D:\\;uid=1000;gid=1000;symlinkroot=/mnt/ 0 0',
  '',
].join('\n');

/** A running WSL 2 VM whose resources and files are as given. */
function running(
  vm: { memoryGiB: number; processors: number; swapGiB: number },
  wslconfig: string,
  extra: Record<string, string> = {},
) {
  return captureOf(
    {
      'wsl-list-verbose': LIST,
      'wsl-list-running': 'Ubuntu-24.04\n',
      'distro-meminfo': meminfo(vm.memoryGiB, vm.swapGiB),
      'distro-nproc': `${vm.processors}\n`,
      'distro-uname': '5.15.167.4-microsoft-standard-WSL2\n',
      'distro-mounts': MOUNTS,
      ...extra,
    },
    { wslconfig },
  );
}

const ids = (report: ReturnType<typeof doctorOf>): string[] => report.findings.map((finding) => finding.id);

describe('WSL itself', () => {
  it('says WSL is not installed when wsl.exe is missing, with exit code 4', () => {
    const report = doctorOf(
      captureOf({
        'wsl-version': { error: 'not-found', exitCode: null },
        'wsl-list-verbose': { error: 'not-found', exitCode: null },
      }),
    );
    expect(ids(report)).toEqual(['wsl-not-installed']);
    expect(report.exitCode).toBe(4);
    expect(report.health).toBe('red');
  });

  it('says so when WSL lists no distribution (by its exit code, not its localised words)', () => {
    const report = doctorOf(
      captureOf({
        'wsl-list-verbose': {
          stdout: 'Das Windows-Subsystem für Linux hat keine installierten Verteilungen.\n',
          exitCode: -1,
        },
      }),
    );
    expect(report.findings).toMatchObject([
      { id: 'wsl-not-installed', title: 'WSL has no usable distribution' },
    ]);
  });

  it('flags a default distro on WSL 1 as a GPU error, without calling its memory "not applied"', () => {
    const capture = captureOf(
      {
        'wsl-list-verbose':
          '  NAME            STATE           VERSION\n* Ubuntu-24.04    Running         1\n',
        'distro-meminfo': meminfo(64, 0),
        'distro-nproc': '16\n',
        'distro-uname': '4.4.0-26100-Microsoft\n',
      },
      { wslconfig: '[wsl2]\nmemory=8GB\n' },
    );
    const report = doctorOf(capture);
    expect(ids(report)).toEqual(['wsl1-distro']);
    expect(report.findings[0]?.evidence[0]?.excerpt).toBe('* Ubuntu-24.04 Running 1');
    expect(report.exitCode).toBe(2);
  });
});

describe('.wslconfig', () => {
  it('reports the lines WSL ignores with their fixes (configuration, exit 1)', () => {
    const report = doctorOf(running({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '[wsl2]\nmemory=16gb\n'));
    expect(ids(report)).toEqual(['wslconfig-ignored-lines']);
    expect(report.findings[0]).toMatchObject({
      severity: 'error',
      category: 'configuration',
      evidence: [{ probe: 'wslconfig', line: 2 }],
    });
    expect(report.findings[0]?.fix).toMatchObject({
      kind: 'edit-wslconfig',
      fixes: [{ label: 'memory=16GB' }],
    });
    expect(report.exitCode).toBe(1);
  });

  it('reports settings where WSL never reads them: wsl.conf keys, [wsl], files beside .wslconfig', () => {
    const report = doctorOf(
      running({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '[boot]\nsystemd=true\n'),
      {
        misplaced: [
          { path: 'C:\\Users\\ana\\.wslconfig.txt', message: 'Notepad saved yours as .wslconfig.txt.' },
        ],
      },
    );
    expect(ids(report)).toEqual(['wslconfig-misplaced']);
    expect(report.findings[0]?.evidence.map((item) => item.probe)).toEqual([
      'wslconfig',
      'wslconfig',
      'profile',
    ]);
  });

  it('says the running VM still has the old settings when it disagrees with the file', () => {
    const report = doctorOf(
      running({ memoryGiB: 8, processors: 4, swapGiB: 2 }, '[wsl2]\nmemory=48GB\nprocessors=12\nswap=8GB\n'),
    );
    expect(ids(report)).toEqual(['wslconfig-not-applied']);
    expect(report.findings[0]?.explanation).toContain('memory 7.8 GiB in WSL, .wslconfig gives 48.0 GiB');
    expect(report.findings[0]?.fix).toEqual({
      kind: 'shutdown-and-verify',
      label: 'Shut down WSL and verify',
    });
  });

  it('accepts a VM that matches the file, MemTotal a little below memory as the kernel keeps some', () => {
    const report = doctorOf(
      running(
        { memoryGiB: 48, processors: 12, swapGiB: 8 },
        '[wsl2]\nmemory=48GB\nprocessors=12\nswap=8GB\n',
      ),
    );
    expect(report.findings).toEqual([]);
    expect(report.health).toBe('green');
    expect(report.exitCode).toBe(0);
  });

  it('judges the defaults when there is no .wslconfig: half the RAM, all processors, 25% swap', () => {
    const report = doctorOf(running({ memoryGiB: 32, processors: 16, swapGiB: 8 }, ''));
    expect(report.findings).toEqual([]);
  });

  it('warns about autoMemoryReclaim=gradual and offers dropCache', () => {
    const report = doctorOf(
      running({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '[experimental]\nautoMemoryReclaim=gradual\n'),
    );
    expect(report.findings).toMatchObject([
      {
        id: 'autoreclaim-gradual',
        severity: 'warning',
        source: 'https://github.com/microsoft/WSL/issues/10675',
      },
    ]);
    expect(report.health).toBe('amber');
    expect(report.exitCode).toBe(0);
  });
});

describe('memory and models', () => {
  it('says WSL has too little memory for the target model and offers a size that leaves Windows enough', () => {
    const target = {
      label: 'Llama 3.1 70B Q4_K_M at 8192 tokens',
      ramBytes: 26 * GiB,
      reasoning: '19 layers on the CPU',
    };
    const report = doctorOf(
      running({ memoryGiB: 8, processors: 16, swapGiB: 2 }, '[wsl2]\nmemory=8GB\nswap=2GB\n'),
      { target },
    );
    expect(report.findings).toMatchObject([
      {
        id: 'memory-ceiling',
        category: 'configuration',
        fix: { kind: 'set-wslconfig', assignments: [{ key: 'wsl2.memory', value: '26GB' }] },
      },
    ]);
    const enough = doctorOf(
      running({ memoryGiB: 48, processors: 16, swapGiB: 12 }, '[wsl2]\nmemory=48GB\n'),
      { target },
    );
    expect(ids(enough)).toEqual([]);
  });

  it('finds model folders that resolve to a Windows drive (9p), and leaves those on WSL’s disk alone', () => {
    const onD = doctorOf(
      running({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '', {
        'distro-model-dirs': 'dir /home/ana/.ollama/models -> /mnt/d/ollama/models\n',
      }),
    );
    expect(onD.findings).toMatchObject([
      {
        id: 'models-on-9p',
        category: 'runtime',
        evidence: [{ excerpt: '/home/ana/.ollama/models -> /mnt/d/ollama/models (9p /mnt/d)' }],
      },
    ]);
    expect(onD.exitCode).toBe(3);
    const local = doctorOf(
      running({ memoryGiB: 32, processors: 16, swapGiB: 8 }, '', {
        'distro-model-dirs': 'dir /usr/share/ollama/.ollama/models -> /usr/share/ollama/.ollama/models\n',
      }),
    );
    expect(ids(local)).toEqual([]);
  });
});

describe('health and exit codes', () => {
  it('is grey when WSL is stopped and nothing is wrong, and says what it could not check', () => {
    const report = doctorOf(
      captureOf({
        'wsl-list-verbose':
          '  NAME            STATE           VERSION\n* Ubuntu-24.04    Stopped         2\n',
        'wsl-list-running': '',
      }),
    );
    expect(report.health).toBe('grey');
    expect(report.exitCode).toBe(0);
    expect(report.notChecked).toContain('distro-meminfo');
  });

  it('takes the lowest exit code among the error findings', () => {
    const report = doctorOf(
      running({ memoryGiB: 8, processors: 4, swapGiB: 2 }, '[wsl2]\nmemory=48GB\n', {
        'distro-model-dirs': 'dir /m -> /mnt/d/m\n',
      }),
    );
    expect(ids(report).sort()).toEqual(['models-on-9p', 'wslconfig-not-applied']);
    expect(report.exitCode).toBe(1);
  });
});
