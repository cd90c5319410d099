import { Command, CommanderError } from 'commander';
import { StoreError } from '../store/store.js';
import { registerClean } from './commands/clean.js';
import { registerIngest } from './commands/ingest.js';
import { registerRead } from './commands/read.js';
import { registerRelate } from './commands/relate.js';
import { registerRun } from './commands/run.js';
import { registerStories } from './commands/stories.js';
import { EXIT_FAILED, EXIT_USAGE, UsageError, warn } from './output.js';

export function buildProgram(): Command {
  const program = new Command('storytrace')
    .description(
      'turn news articles from many outlets into stories: ingest, clean, relate, cluster, trace, consolidate',
    )
    .version('0.1.0')
    .option('--db <path>', 'database file (default: .storytrace/storytrace.db, or $STORYTRACE_DB)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerRun(program);
  registerIngest(program);
  registerClean(program);
  registerRead(program);
  registerRelate(program);
  registerStories(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (e instanceof UsageError || e instanceof StoreError) {
      warn(e.message);
      process.exitCode = EXIT_USAGE;
      return;
    }
    warn(`unexpected error: ${(e as Error).stack ?? e}`);
    process.exitCode = EXIT_FAILED;
  }
}
