/** @module Printing helpers shared by the commands: JSON to stdout, tables sized to the terminal, errors. */
import type { Command } from 'commander';

/** Exit codes: 0 ok, 1 some input failed or something unexpected, 2 the command was wrong (usage, unknown id). */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** An error the user can fix; printed as one line, exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`storytrace: ${line}\n`);
}

export function globalOpts(cmd: Command): { db?: string } {
  return cmd.optsWithGlobals() as { db?: string };
}

/** Cuts a cell to width, marking the cut. */
export function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat.padEnd(width) : `${flat.slice(0, Math.max(0, width - 1))}…`;
}

/** A plain table: fixed-width columns, the last one takes what the terminal has left. */
export function table(header: string[], rows: string[][], widths: number[]): string {
  const total = process.stdout.columns ?? 120;
  const fixed = widths.reduce((a, b) => a + b + 2, 0);
  const last = Math.max(20, total - fixed - 1);
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < widths.length ? fit(c, widths[i]!) : fit(c, last).trimEnd())).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
