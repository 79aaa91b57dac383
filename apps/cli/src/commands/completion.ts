import { EXIT, UsageError, type CliIo } from '../cli-io';

/** The commands and the options each takes, for completion (kept beside their help; a test checks they match). */
export const COMPLETION_WORDS: Readonly<Record<string, readonly string[]>> = {
  doctor: ['--from-capture', '--simulate', '--boot', '--model', '--ctx', '--quant', '--json', '--help'],
  collect: ['--out', '--boot', '--redact', '--simulate', '--show', '--json', '--help'],
  verify: ['--distro', '--yes', '--timeout', '--json', '--simulate', '--help'],
  fit: [
    '--model',
    '--gguf',
    '--ctx',
    '--kv',
    '--fa',
    '--quant',
    '--file-gb',
    '--vram-free',
    '--host-ram',
    '--host-cpus',
    '--layers',
    '--kv-heads',
    '--head-dim',
    '--max-ctx',
    '--json',
    '--help',
  ],
  wslconfig: [
    'check',
    'set',
    'unset',
    'history',
    'diff',
    'restore',
    '--file',
    '--json',
    '--dry-run',
    '--help',
  ],
  demo: ['--scenario', '--port', '--state-dir', '--help'],
  scenarios: ['--json', '--help'],
  completion: ['powershell'],
  help: ['doctor', 'collect', 'verify', 'fit', 'wslconfig', 'demo', 'scenarios', 'completion'],
};

/** A PowerShell argument completer for `headroom`: the commands, then the chosen command's options. */
export function powershellCompletion(): string {
  const table = Object.entries(COMPLETION_WORDS)
    .map(([command, words]) => `    '${command}' = @(${words.map((word) => `'${word}'`).join(', ')})`)
    .join('\n');
  return `# headroom completion for PowerShell. Add to your profile:
#   headroom completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName headroom, headroom.cmd -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @{
${table}
  }
  $typed = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
  if ($wordToComplete -ne '' -and $typed.Count -gt 0) { $typed = @($typed | Select-Object -SkipLast 1) }
  $candidates = if ($typed.Count -eq 0) { @($words.Keys | Sort-Object) + @('--help', '--version', '--quiet', '--verbose') } else { $words[$typed[0]] }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

/** `headroom completion powershell`: print the completion script for the shell named. */
export function runCompletion(args: readonly string[], io: CliIo): number {
  const [shell, extra] = args;
  if (shell !== 'powershell' || extra !== undefined)
    throw new UsageError(
      `completion takes one shell: powershell${shell === undefined ? '' : `, not "${args.join(' ')}"`}.`,
    );
  io.stdout.write(powershellCompletion());
  return EXIT.ok;
}
