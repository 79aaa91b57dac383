import { describe, expect, it } from 'vitest';
import { factsOf } from '../testing/capture';
import { storagePaths, windowsPathOfMount } from './storage-paths';

describe('storagePaths', () => {
  it('names the distros’ disk folders and the model folders on Windows drives', () => {
    const facts = factsOf({
      'reg-lxss': [
        '',
        'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss\\{a}',
        '    DistributionName    REG_SZ    Ubuntu',
        '    BasePath    REG_SZ    \\\\?\\C:\\Users\\ana\\AppData\\Local\\wsl\\{a}',
        '',
      ].join('\r\n'),
      'distro-model-dirs':
        'dir /home/ana/.ollama/models -> /mnt/d/ollama/models\ndir /usr/share/ollama/.ollama/models -> /usr/share/ollama/.ollama/models\n',
    });
    expect(storagePaths(facts)).toEqual(['C:\\Users\\ana\\AppData\\Local\\wsl\\{a}', 'D:\\ollama\\models']);
  });

  it('reads a /mnt path as Windows names it', () => {
    expect(windowsPathOfMount('/mnt/e')).toBe('E:\\');
    expect(windowsPathOfMount('/home/ana')).toBeUndefined();
  });
});
