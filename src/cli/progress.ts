/**
 * @module Progress for long work: a bar with rate and ETA on a terminal; on a pipe, a plain line every ten seconds
 * once the work has run that long, so short runs stay quiet and logs of long ones show life.
 */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../engine/ingest.js';
import { count, warn } from './output.js';

export interface ProgressView {
  update(p: IngestProgress): void;
  /** Prints a line (a problem) without tearing the bar. */
  log(line: string): void;
  stop(): void;
}

const mbps = (bytes: number, ms: number) => (ms > 0 ? (bytes / 1048576 / (ms / 1000)).toFixed(1) : '0.0');

export function progressView(label: string, options: { quiet?: boolean } = {}): ProgressView {
  const started = Date.now();
  if (process.stderr.isTTY && !options.quiet) {
    const multi = new cliProgress.MultiBar(
      {
        stream: process.stderr,
        format: `${label} {bar} {percentage}% | {read} | {docs} new, {present} present, {failed} failed | {rate} MB/s | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    );
    let bar: cliProgress.SingleBar | null = null;
    return {
      update(p) {
        const total = p.totalBytes ?? Math.max(p.bytesRead, 1);
        const payload = {
          read: `${(p.bytesRead / 1048576).toFixed(1)}${p.totalBytes ? `/${(p.totalBytes / 1048576).toFixed(1)}` : ''} MB`,
          docs: count(p.ingested),
          present: count(p.present),
          failed: count(p.failed),
          rate: mbps(p.bytesRead, Date.now() - started),
        };
        if (!bar) {
          bar = multi.create(total, p.bytesRead, payload);
          multi.update(); // draw now rather than at the next frame, so short runs show the bar too
        } else {
          bar.setTotal(total);
          bar.update(p.bytesRead, payload);
        }
      },
      log(line) {
        multi.log(`${line}\n`);
      },
      stop() {
        multi.stop();
      },
    };
  }
  let lastLine = started;
  return {
    update(p) {
      const now = Date.now();
      if (options.quiet || now - lastLine < 10_000) return;
      lastLine = now;
      const pct = p.totalBytes ? ` ${Math.floor((100 * p.bytesRead) / p.totalBytes)}%,` : '';
      warn(
        `${label}:${pct} ${(p.bytesRead / 1048576).toFixed(1)} MB read, ${count(p.ingested)} new, ${count(p.present)} present, ${count(p.failed)} failed (${mbps(p.bytesRead, now - started)} MB/s)`,
      );
    },
    log(line) {
      process.stderr.write(`${line}\n`);
    },
    stop() {},
  };
}

/** A counting bar (`done/total items`) for stages measured in items rather than bytes. */
export function countView(label: string, total: number, options: { quiet?: boolean; unit?: string } = {}) {
  const unit = options.unit ?? 'documents';
  const started = Date.now();
  if (process.stderr.isTTY && !options.quiet && total > 0) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${label} {bar} {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0' });
    return {
      update(done: number) {
        bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)).toString() });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let last = started;
  return {
    update(done: number) {
      const now = Date.now();
      if (options.quiet || now - last < 10_000) return;
      last = now;
      warn(`${label}: ${count(done)}/${count(total)} ${unit}`);
    },
    stop() {},
  };
}
