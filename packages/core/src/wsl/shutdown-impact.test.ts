import { describe, expect, it } from 'vitest';
import { describeShutdownImpact } from './shutdown-impact';

describe('describeShutdownImpact', () => {
  it('names every running distro, joined the way a sentence reads', () => {
    expect(describeShutdownImpact(['Ubuntu-24.04'])).toMatch(/^This stops Ubuntu-24\.04\. /);
    expect(describeShutdownImpact(['Ubuntu-24.04', 'docker-desktop'])).toMatch(
      /^This stops Ubuntu-24\.04 and docker-desktop\. /,
    );
    expect(describeShutdownImpact(['a', 'b', 'c'])).toMatch(/^This stops a, b and c\. /);
  });

  it('says what stops with them, and what happens when nothing runs', () => {
    expect(describeShutdownImpact(['Ubuntu-24.04'])).toContain('unsaved work in them is lost');
    expect(describeShutdownImpact([])).toBe(
      'No distribution is running. Shutting down also stops the WSL virtual machine.',
    );
  });
});
