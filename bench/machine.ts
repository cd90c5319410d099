/**
 * @module The machine a figure was measured on, as the bench READMEs print it, with the load it ran under: on a shared
 * machine a throughput figure means little without it.
 */
import { cpus, loadavg, totalmem } from 'node:os';

export const machine = (): string =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
  `load average ${loadavg()[2]?.toFixed(1)} over the last 15 min`;
