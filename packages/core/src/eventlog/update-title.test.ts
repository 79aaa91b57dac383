import { describe, expect, it } from 'vitest';
import { isInferenceProgram, watchedProgramOf } from './programs';
import { classifyUpdateTitle } from './update-title';

describe('classifyUpdateTitle', () => {
  it('reads the titles of the real samples', () => {
    const cases: readonly (readonly [string, string, string | null, boolean])[] = [
      [
        '2018-07 Cumulative Update for Windows 10 Version 1803 for x64-based Systems (KB4338819)',
        'cumulative',
        'KB4338819',
        false,
      ],
      [
        '2017-07 Cumulative Update for Windows 10 Version 1703 for x64-based Systems (KB4025342)',
        'cumulative',
        'KB4025342',
        false,
      ],
      [
        'Definition Update for Windows Defender Antivirus - KB2267602 (Definition 1.271.638.0)',
        'defender-definitions',
        'KB2267602',
        true,
      ],
      [
        'Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.375.1243.0)',
        'defender-definitions',
        'KB2267602',
        true,
      ],
      ['9NBLGGH5FV99-Microsoft.MSPaint', 'store-app', null, true],
      ['9NBLGGH3FL3T-Microsoft.VCLibs.120.00.Universal', 'store-app', null, true],
      ['9WZDNCRFJ3PS-Microsoft.RemoteDesktop', 'store-app', null, true],
      [
        'Windows Malicious Software Removal Tool for Windows 8, 8.1, 10 and Windows Server 2012, 2012 R2, 2016 x64 Edition - October 2017 (KB890830)',
        'other',
        'KB890830',
        true,
      ],
    ];
    for (const [title, kind, kb, routine] of cases) {
      expect(classifyUpdateTitle(title), title).toMatchObject({ kind, kb, routine, driver: null });
    }
  });

  it('reads current-style titles (not from a capture)', () => {
    expect(
      classifyUpdateTitle(
        '2024-04 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems (KB5036893)',
      ),
    ).toEqual({ kind: 'cumulative', kb: 'KB5036893', routine: false, driver: null });
    expect(classifyUpdateTitle('Feature update to Windows 11, version 24H2')).toEqual({
      kind: 'feature',
      kb: null,
      routine: false,
      driver: null,
    });
    expect(classifyUpdateTitle('NVIDIA - Display - 32.0.15.6094')).toEqual({
      kind: 'driver',
      kb: null,
      routine: false,
      driver: { vendor: 'NVIDIA', deviceClass: 'Display', version: '32.0.15.6094', isNvidiaDisplay: true },
    });
    expect(classifyUpdateTitle('Intel Corporation - Extension - 31.0.101.4502').driver).toEqual({
      vendor: 'Intel Corporation',
      deviceClass: 'Extension',
      version: '31.0.101.4502',
      isNvidiaDisplay: false,
    });
    expect(classifyUpdateTitle('')).toEqual({ kind: 'other', kb: null, routine: false, driver: null });
  });
});

describe('watchedProgramOf', () => {
  it('knows the inference programs and WSL by executable name or path, in any case', () => {
    const cases: readonly (readonly [string, string | null])[] = [
      ['python.exe', 'python'],
      ['pythonw.exe', 'python'],
      ['python3.12.exe', 'python'],
      ['C:\\Prog\\Python312\\python.exe', 'python'],
      ['llama-server.exe', 'llama.cpp'],
      ['LLAMA-CLI.EXE', 'llama.cpp'],
      ['ollama.exe', 'ollama'],
      ['ollama app.exe', 'ollama'],
      ['ollama_llama_server.exe', 'ollama'],
      ['LM Studio.exe', 'lm-studio'],
      ['koboldcpp.exe', 'koboldcpp'],
      ['Meta-Llama-3-8B.llamafile.exe', 'llamafile'],
      ['wslservice.exe', 'wsl'],
      ['aw-qt.exe', null],
      ['python35.dll', null],
      ['', null],
    ];
    for (const [name, program] of cases) expect(watchedProgramOf(name), name).toBe(program);
    expect(isInferenceProgram('python')).toBe(true);
    expect(isInferenceProgram('wsl')).toBe(false);
    expect(isInferenceProgram(null)).toBe(false);
  });
});
