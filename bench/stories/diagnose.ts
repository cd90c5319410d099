/**
 * @module Error analysis of the clusterer on ECB+ (a diagnostic, not a benchmark): for some shuffled orders, which
 * true stories end up merged together or split, which article made a story impure first (joining a story of another
 * event, or merging two), and which channels and shared features drove that decision (recomputed from the
 * clusterer's snapshot before the article arrived, with the clusterer's own scoring formula).
 * `node --import tsx bench/stories/diagnose.ts [--orders 1,2,3] [--verbose]`
 */
import { fileURLToPath } from 'node:url';
import {
  applyAssignment,
  articleFeatures,
  type ClustererState,
  type ClusterInput,
  createClusterer,
  DEFAULT_CLUSTER_OPTIONS,
} from '../../src/core/cluster/index.js';
import { stem } from '../../src/core/cluster/text.js';
import { bcubed } from './bcubed.js';
import { ECBPLUS_DIR, loadEcbplus } from './ecbplus.js';
import { shuffled } from './run.js';

/** Term keys of the surnames of the names an article gives in its lead (title and first sentence-like paragraph). */
function leadSurnames(a: ClusterInput): Set<string> {
  const first = a.body.find((p) => p.split(/\s+/).length >= 6) ?? '';
  const lead = ` ${`${a.title ?? ''} ${first}`.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, ' ')} `;
  const out = new Set<string>();
  for (const k of articleFeatures(a).keys) {
    if (!k.startsWith('e:')) continue;
    const last = k.slice(2).split(' ').at(-1)!;
    if (lead.includes(` ${last} `)) out.add(`t:${stem(last)}`);
  }
  return out;
}

const CH = ['term', 'entity', 'number', 'date', 'quote'];
const chOf = (k: string) => ({ t: 0, e: 1, n: 2, q: 4 })[k[0] as 't' | 'e' | 'n' | 'q'] ?? 3;

interface Explain {
  sims: number[];
  weights: number[];
  combined: number;
  top: string[];
}

/** The article's similarity to a story of the snapshot, per channel, with the shared features behind it. */
function explain(state: ClustererState, storyId: string, a: ClusterInput): Explain {
  const w = DEFAULT_CLUSTER_OPTIONS.weights;
  const cw = [w.term, w.entity, w.number, w.date, w.quote];
  const df = new Map(state.df);
  const idf = (k: string) => Math.log((state.docs + 1) / ((df.get(k) ?? 0) + 1)) + 1;
  const s = state.stories.find((x) => x.id === storyId)!;
  const sw = new Map(s.weights ?? []);
  const f = articleFeatures(a);
  const norms = [0, 0, 0, 0, 0];
  const snorms = [0, 0, 0, 0, 0];
  const info = [0, 0, 0, 0, 0];
  const top = Math.log(state.docs + 1) + 1;
  const vec = f.keys.map((k, i) => f.weights[i]! * idf(k));
  f.keys.forEach((k, i) => {
    norms[chOf(k)]! += vec[i]! ** 2;
    info[chOf(k)] = Math.max(info[chOf(k)]!, idf(k) / top);
  });
  for (const [k, x] of sw) snorms[chOf(k)]! += (x * idf(k)) ** 2;
  const contrib: [string, number][] = [];
  const dots = [0, 0, 0, 0, 0];
  f.keys.forEach((k, i) => {
    const x = sw.get(k);
    if (x === undefined) return;
    const c = chOf(k);
    const v = (vec[i]! / Math.sqrt(norms[c]!)) * ((x * idf(k)) / Math.sqrt(snorms[c]!));
    dots[c]! += v;
    contrib.push([k, v]);
  });
  const sims = dots.map((d) => d);
  const weights = cw.map((x, c) => (norms[c]! > 0 && snorms[c]! > 0 ? x * info[c]! ** 4 : 0));
  const den = weights.reduce((p, q) => p + q, 0);
  const combined = den ? sims.reduce((p, q, c) => p + q * weights[c]!, 0) / den : 0;
  contrib.sort((x, y) => y[1] - x[1]);
  return {
    sims,
    weights,
    combined,
    top: contrib.slice(0, 10).map(([k, v]) => `${k}(${v.toFixed(3)})`),
  };
}

/** Shared features of two stories of the snapshot, by product of their rarity-weighted weights. */
function sharedOfStories(state: ClustererState, x: string, y: string): string[] {
  const df = new Map(state.df);
  const idf = (k: string) => Math.log((state.docs + 1) / ((df.get(k) ?? 0) + 1)) + 1;
  const a = new Map(state.stories.find((s) => s.id === x)!.weights ?? []);
  const b = new Map(state.stories.find((s) => s.id === y)!.weights ?? []);
  const out: [string, number][] = [];
  for (const [k, v] of a) if (b.has(k)) out.push([k, v * b.get(k)! * idf(k) ** 2]);
  out.sort((p, q) => q[1] - p[1]);
  return out.slice(0, 10).map(([k, v]) => `${k}(${v.toFixed(1)})`);
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { articles, stories } = loadEcbplus(ECBPLUS_DIR);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const label = new Map<string, number>();
  stories.forEach((s, i) => {
    for (const id of s) label.set(id, i);
  });
  // Diagnostic output only: the topic and event of a label, read from the ids ("ecb-1-10ecbplus" → 1+).
  const name = (l: number) => {
    const id = stories[l]![0]!;
    const m = /^ecb-(\d+)-\d+(ecb(?:plus)?)$/.exec(id);
    return m ? `${m[1]}${m[2] === 'ecbplus' ? '+' : ''}` : id;
  };
  const orders = (arg('--orders') ?? '1').split(',').map(Number);
  const verbose = process.argv.includes('--verbose');
  const tally = { join: 0, merge: 0, joinCh: [0, 0, 0, 0, 0] };
  const leads = new Map(articles.map((a) => [a.id, leadSurnames(a)]));
  const terms = new Map(articles.map((a) => [a.id, new Set(articleFeatures(a).keys)]));
  const contra = { right: [0, 0], wrong: [0, 0], firstWrong: [0, 0] };
  const contradicts = (id: string, members: readonly string[]) => {
    const union = new Set<string>();
    for (const m of members) for (const k of terms.get(m)!) union.add(k);
    const missA = [...leads.get(id)!].some((k) => !union.has(k));
    const counts = new Map<string, number>();
    for (const m of members) for (const k of leads.get(m)!) counts.set(k, (counts.get(k) ?? 0) + 1);
    const own = terms.get(id)!;
    const missS = [...counts].some(([k, n]) => n * 2 >= members.length && !own.has(k));
    return missA && missS ? 1 : 0;
  };
  for (const k of orders) {
    const order = shuffled(articles, k);
    const c = createClusterer();
    const found = new Map<string, string[]>();
    const labelsOf = (ids: readonly string[]) => {
      const m = new Map<number, number>();
      for (const id of ids) m.set(label.get(id)!, (m.get(label.get(id)!) ?? 0) + 1);
      return m;
    };
    const major = (ids: readonly string[]) => [...labelsOf(ids)].sort((p, q) => q[1] - p[1])[0]![0];
    const events: string[] = [];
    for (const a of order) {
      const before = c.snapshot();
      const prev = new Map([...found].map(([s, ids]) => [s, [...ids]]));
      const r = c.add(a, []);
      applyAssignment(found, a.id, r);
      for (const sp of r.split ?? [])
        events.push(`  SPLIT by ${a.id}: ${sp.articles.length} articles of ${sp.from} → ${sp.story}`);
      const la = label.get(a.id)!;
      // A join of a story whose majority is another event.
      const joined = prev.get(r.story);
      if (joined?.length) {
        const wrong = major(joined) !== la;
        const x = contradicts(a.id, joined);
        contra[wrong ? 'wrong' : 'right'][x]!++;
        if (labelsOf(joined).size === 1 && wrong) {
          contra.firstWrong[x]!++;
          if (process.argv.includes('--first'))
            console.log(
              `  FIRST ${a.id} lead ${[...leads.get(a.id)!].join(',')} | story ${joined.map((m) => `${m}:${[...leads.get(m)!].join(',')}`).join(' ; ')} → ${x}`,
            );
        }
      }
      if (joined?.length && major(joined) !== la) {
        const e = explain(before, r.story, a);
        tally.join++;
        e.weights.forEach((w, ch) => {
          if (w > 0) tally.joinCh[ch]! += (w * e.sims[ch]!) / e.weights.reduce((p, q) => p + q, 0);
        });
        events.push(
          `  JOIN ${a.id} [${name(la)}] → story of ${[...labelsOf(joined)].map(([l, n]) => `${name(l)}×${n}`).join(',')} ` +
            `sim ${e.combined.toFixed(3)} | ${CH.map((ch, i) =>
              e.weights[i] ? `${ch} ${e.sims[i]!.toFixed(2)}·${e.weights[i]!.toFixed(2)}` : '',
            )
              .filter(Boolean)
              .join(' ')}` +
            `\n      title: ${a.title ?? '-'}\n      shared: ${e.top.join(' ')}`,
        );
      }
      for (const m of r.merged) {
        const x = prev.get(m) ?? [];
        const y = prev.get(r.story) ?? [];
        const sides = [x, y].filter((s) => s.length);
        if (sides.length === 2 && major(x) !== major(y)) {
          tally.merge++;
          events.push(
            `  MERGE by ${a.id} [${name(la)}]: ${[...labelsOf(x)].map(([l, n]) => `${name(l)}×${n}`).join(',')} + ` +
              `${[...labelsOf(y)].map(([l, n]) => `${name(l)}×${n}`).join(',')}\n      shared: ${sharedOfStories(before, m, r.story).join(' ')}`,
          );
        }
      }
    }
    const predicted = [...found.values()];
    const score = bcubed(predicted, stories);
    console.log(
      `order ${k}: P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}, ${predicted.length} stories`,
    );
    // Per true story: the predicted stories it lies in; per predicted story: the labels it mixes.
    for (const p of predicted) {
      const ls = labelsOf(p);
      if (ls.size > 1)
        console.log(
          `  MIXED (${p.length}): ${[...ls]
            .sort((x, y) => y[1] - x[1])
            .map(([l, n]) => `${name(l)}×${n}`)
            .join(', ')}`,
        );
    }
    stories.forEach((s, l) => {
      const parts = new Map<number, number>();
      predicted.forEach((p, i) => {
        const n = p.filter((id) => label.get(id) === l).length;
        if (n) parts.set(i, n);
      });
      if (parts.size > 1)
        console.log(`  SPLIT ${name(l)} (${s.length}): ${[...parts.values()].sort((x, y) => y - x).join('+')}`);
    });
    if (verbose) for (const e of events) console.log(e);
  }
  console.log(
    `wrong joins ${tally.join}, wrong merges ${tally.merge}; joins' weighted channel share: ${CH.map((c, i) => `${c} ${(tally.joinCh[i]! / Math.max(1, tally.join)).toFixed(3)}`).join(' ')}`,
  );
  void byId;
  console.log('lead contradiction (no, yes) on joins:', JSON.stringify(contra));
}
