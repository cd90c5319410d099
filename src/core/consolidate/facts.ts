/**
 * @module The story's claims: clauses of every article clustered when they say the same thing in any wording.
 * Terms are weighted by how rare they are in the story, so that the names every article repeats do not make two
 * different claims look alike, and a clause matches another when most of its weight is found there (stems,
 * spelling variants and WordNet synonyms count). Clusters grow by average link, which keeps one claim from chaining
 * into its neighbours.
 */
import type { Sentence } from './segment.js';
import { contentTerms, type SynonymLookup, type Term } from './text.js';
import type { Conflict, Fact, Passage } from './types.js';

export interface ClaimUnit {
  sentence: Sentence;
  /** The clause's text (the whole sentence, or one of its coordinated parts). */
  text: string;
  terms: Term[];
}

// Boundaries between independent claims inside one sentence: "… and that …", "…; …", "… — …", "…, but …", and a
// participle clause after a comma ("…, stoking concerns that …").
const CLAUSE_BREAK =
  /\s*(?:;|\s[—–]\s|,?\s+and that\s+|,\s+(?:but|though|although|while|whereas)\s+|,\s+(?=\p{Ll}+ing\s))\s*/u;
// Who says it is not what is said: attributions stay out of a claim's terms ("X said that …", "…, X said").
const REPORTING = '(?:said|says|told reporters|added|confirmed|announced|reported|stated|noted|mentioned|warned)';
const ATTRIBUTION = new RegExp(
  `,?\\s*according to [^,.;]+|^(?:[^\\s,]+\\s+){0,7}?(?:additionally\\s+|also\\s+)?${REPORTING}\\s+(?:that\\s+)?|,\\s*(?:[^\\s,]+\\s+){0,6}?${REPORTING}(?:\\s+\\p{L}+day)?[.,]?\\s*$`,
  'giu',
);
const MIN_CLAUSE_TERMS = 3;
// "OSLO/BERLIN: …", "LONDON (Reuters) - …": where the wire filed from, not part of the claim's wording.
const DATELINE = /^[\p{Lu}][\p{Lu}\s/,.'-]{2,}(?:\s*\([^)]*\))?\s*[:—–-]\s+/u;

/** A sentence as claim units: its clauses when each says enough on its own, else the sentence whole. */
export function claimUnits(sentences: readonly Sentence[]): ClaimUnit[] {
  const out: ClaimUnit[] = [];
  for (const sentence of sentences) {
    const parts = sentence.text.split(CLAUSE_BREAK).filter((p) => p.trim().length > 0);
    const terms = parts.map((p) => contentTerms(p.replace(ATTRIBUTION, '')));
    if (parts.length > 1 && terms.every((t) => t.length >= MIN_CLAUSE_TERMS)) {
      parts.forEach((text, i) => {
        out.push({ sentence, text: text.replace(DATELINE, ''), terms: terms[i] ?? [] });
      });
    } else {
      const all = contentTerms(sentence.text.replace(ATTRIBUTION, ''));
      if (all.length > 0) out.push({ sentence, text: sentence.text.replace(DATELINE, ''), terms: all });
    }
  }
  return out;
}

export interface FactCluster {
  units: ClaimUnit[];
  /** The unit most like the others: the cluster's wording. */
  medoid: ClaimUnit;
}

const LINK = 0.5;
const NAME_WEIGHT = 0.5;
const SINGLE_PREDICATE_LINK = 0.7;
const AVERAGE_LINK = 0.3;
/** Terms in more than this share of units carry no claim (the story's protagonists); they are not indexed. */
const COMMON_SHARE = 0.25;

type Weights = Map<string, number>;

/**
 * Share of the lighter unit's weight found in the other, synonyms counted at the lighter word's weight. The reference
 * definition: `clusterClaims` computes the same sums, in the same order, on units coded as ids.
 */
export function similarity(a: readonly Term[], b: readonly Term[], w: Weights, synonyms?: SynonymLookup): number {
  const ma = new Map(a.map((t) => [t.term, t.word]));
  const mb = new Map(b.map((t) => [t.term, t.word]));
  const predicate = new Set(a.concat(b).flatMap((t) => (t.capital ? [] : [t.term])));
  let predicates = 0;
  // Names count half: they tell who a claim is about, the other words what it says.
  const weight = (t: string) => (w.get(t) ?? 1) * (predicate.has(t) ? 1 : NAME_WEIGHT);
  let wa = 0;
  let wb = 0;
  for (const t of ma.keys()) wa += weight(t);
  for (const t of mb.keys()) wb += weight(t);
  if (wa === 0 || wb === 0) return 0;
  let shared = 0;
  let matched = 0;
  const restA: [string, string][] = [];
  for (const [t, word] of ma) {
    if (mb.has(t)) {
      shared += weight(t);
      matched++;
      if (predicate.has(t)) predicates++;
    } else restA.push([t, word]);
  }
  if (synonyms && restA.length > 0) {
    const restB = [...mb].filter(([t]) => !ma.has(t));
    const used = new Set<number>();
    for (const [t, word] of restA) {
      const j = restB.findIndex(([, v], i) => !used.has(i) && synonyms(word, v));
      if (j < 0) continue;
      used.add(j);
      shared += Math.min(weight(t), weight(restB[j]?.[0] ?? ''));
      matched++;
      predicates++;
    }
  }
  // One shared word is a coincidence, not a claim; shared names alone say the same people are involved, not that
  // the same thing is said of them.
  if (matched < 2 || predicates === 0) return 0;
  const overlap = shared / Math.min(wa, wb);
  // With a single shared word of substance, only a near-complete match of the rest makes it the same claim.
  return predicates >= 2 || overlap >= SINGLE_PREDICATE_LINK ? overlap : 0;
}

/**
 * A synonym look-up memoised on word ids (a story repeats the same few thousand words, and a pair of units is
 * compared word by word): per left-hand word, one bit row of pairs already asked and one of the answers, allocated
 * when that word is first looked up.
 */
class SynonymCache {
  private readonly stride: number;
  readonly known: (Uint32Array | undefined)[] = [];
  readonly value: (Uint32Array | undefined)[] = [];
  constructor(
    private readonly words: readonly string[],
    private readonly lookup: SynonymLookup,
  ) {
    this.stride = (words.length + 31) >>> 5;
  }
  /** Word `a`'s row of pairs asked; `value[a]` is there too once this has run. */
  asked(a: number): Uint32Array {
    let k = this.known[a];
    if (!k) {
      k = this.known[a] = new Uint32Array(this.stride);
      this.value[a] = new Uint32Array(this.stride);
    }
    return k;
  }
  /** Ask the look-up about a pair not yet in the rows, and remember the answer. */
  ask(a: number, b: number, known: Uint32Array, value: Uint32Array): boolean {
    const yes = this.lookup(this.words[a] as string, this.words[b] as string);
    const word = b >>> 5;
    const bit = 1 << (b & 31);
    known[word] = (known[word] as number) | bit;
    if (yes) value[word] = (value[word] as number) | bit;
    return yes;
  }
}

/** The id of a key, numbering keys in the order first seen. */
function idOf<K>(ids: Map<K, number>, key: K): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/** A unit's distinct terms in first-seen order, as ids, each with its word (as last written) and whether it is a predicate. */
interface Coded {
  terms: Int32Array;
  words: Int32Array;
  /** 1 when some occurrence is written in lower case: a word of what is said, not a name. */
  lower: Uint8Array;
}

/**
 * Clusters of units from any articles that state one claim. Deterministic: ties break by unit order.
 *
 * Pairs come from an inverted index of the terms that are not common to the whole story, so only units sharing a
 * rare enough term are compared; WordNet synonyms are looked for only when the pair already shares two terms or
 * one word of substance (a pair whose only common word is a name would be made of synonyms alone, which WordNet's
 * broad senses supply by coincidence).
 */
export function clusterClaims(units: readonly ClaimUnit[], synonyms?: SynonymLookup): FactCluster[] {
  const n = units.length;
  // Terms and words as ids, each unit's terms once.
  const termId = new Map<string, number>();
  const wordId = new Map<string, number>();
  const wordList: string[] = [];
  const coded: Coded[] = units.map((u) => {
    const index = new Map<number, number>();
    const terms: number[] = [];
    const ws: number[] = [];
    const lower: number[] = [];
    for (const t of u.terms) {
      const id = idOf(termId, t.term);
      const wid = idOf(wordId, t.word);
      if (wid === wordList.length) wordList.push(t.word);
      const at = index.get(id);
      if (at === undefined) {
        index.set(id, terms.length);
        terms.push(id);
        ws.push(wid);
        lower.push(t.capital ? 0 : 1);
      } else {
        ws[at] = wid;
        if (!t.capital) lower[at] = 1;
      }
    }
    return { terms: Int32Array.from(terms), words: Int32Array.from(ws), lower: Uint8Array.from(lower) };
  });
  const termCount = termId.size;
  const df = new Int32Array(termCount);
  for (const c of coded) for (const t of c.terms) df[t] = (df[t] as number) + 1;
  const w = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) w[t] = Math.log((n + 1) / (df[t] as number));
  const common = Math.max(3, n * COMMON_SHARE);
  const postings: Int32Array[] = [];
  {
    const fill = new Int32Array(termCount);
    for (let t = 0; t < termCount; t++) postings.push(new Int32Array(df[t] as number));
    coded.forEach((c, i) => {
      for (const t of c.terms) {
        (postings[t] as Int32Array)[fill[t] as number] = i;
        fill[t] = (fill[t] as number) + 1;
      }
    });
  }
  const synonym = synonyms ? new SynonymCache(wordList, synonyms) : null;

  // Per pair scratch, indexed by term id: where the term sits in unit a (+1, this pair's stamp), and whether b has it.
  const inA = new Int32Array(termCount);
  const stampA = new Int32Array(termCount);
  const inB = new Int32Array(termCount);
  const lowB = new Uint8Array(termCount);
  let pairStamp = 0;
  let widest = 0;
  for (const c of coded) widest = Math.max(widest, c.terms.length);
  const restA: number[] = [];
  const restB = new Int32Array(widest);
  const restWord = new Int32Array(widest);
  const used = new Uint8Array(widest);

  /** `similarity()` on coded units: the same sums in the same order. */
  const similar = (i: number, a: Coded, b: Coded): number => {
    pairStamp++;
    for (let y = 0; y < b.terms.length; y++) {
      const t = b.terms[y] as number;
      inB[t] = pairStamp;
      lowB[t] = b.lower[y] as number;
    }
    let wa = 0;
    let wb = 0;
    for (let x = 0; x < a.terms.length; x++) {
      const t = a.terms[x] as number;
      const low = a.lower[x] === 1 || (inB[t] === pairStamp && lowB[t] === 1);
      wa += (w[t] as number) * (low ? 1 : NAME_WEIGHT);
    }
    for (let y = 0; y < b.terms.length; y++) {
      const t = b.terms[y] as number;
      const low = b.lower[y] === 1 || (stampA[t] === i + 1 && a.lower[(inA[t] as number) - 1] === 1);
      wb += (w[t] as number) * (low ? 1 : NAME_WEIGHT);
    }
    if (wa === 0 || wb === 0) return 0;
    let shared = 0;
    let matched = 0;
    let predicates = 0;
    restA.length = 0;
    for (let x = 0; x < a.terms.length; x++) {
      const t = a.terms[x] as number;
      if (inB[t] === pairStamp) {
        const low = a.lower[x] === 1 || lowB[t] === 1;
        shared += (w[t] as number) * (low ? 1 : NAME_WEIGHT);
        matched++;
        if (low) predicates++;
      } else restA.push(x);
    }
    if (synonym && restA.length > 0) {
      let nb = 0;
      for (let y = 0; y < b.terms.length; y++) {
        if (stampA[b.terms[y] as number] !== i + 1) {
          restB[nb] = y;
          restWord[nb] = b.words[y] as number;
          used[nb] = 0;
          nb++;
        }
      }
      for (const x of restA) {
        const wordA = a.words[x] as number;
        const known = synonym.asked(wordA);
        const value = synonym.value[wordA] as Uint32Array;
        let j = -1;
        for (let k = 0; k < nb; k++) {
          if (used[k] === 1) continue;
          const wordB = restWord[k] as number;
          const cell = wordB >>> 5;
          const bit = 1 << (wordB & 31);
          const yes =
            ((known[cell] as number) & bit) !== 0
              ? ((value[cell] as number) & bit) !== 0
              : synonym.ask(wordA, wordB, known, value);
          if (yes) {
            j = k;
            break;
          }
        }
        if (j < 0) continue;
        used[j] = 1;
        const y = restB[j] as number;
        const weightA = (w[a.terms[x] as number] as number) * (a.lower[x] === 1 ? 1 : NAME_WEIGHT);
        const weightB = (w[b.terms[y] as number] as number) * (b.lower[y] === 1 ? 1 : NAME_WEIGHT);
        shared += Math.min(weightA, weightB);
        matched++;
        predicates++;
      }
    }
    if (matched < 2 || predicates === 0) return 0;
    const overlap = shared / Math.min(wa, wb);
    return predicates >= 2 || overlap >= SINGLE_PREDICATE_LINK ? overlap : 0;
  };

  // Candidate pairs (i < j): units sharing a term that is not common to the whole story, found through the
  // postings of those terms, with how many of them each pair shares.
  const sims = new Map<number, number>();
  const key = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const edges: [number, number, number][] = [];
  const articleOf = new Int32Array(n);
  const sentenceOf = new Int32Array(n);
  {
    const articleIds = new Map<string, number>();
    const sentenceIds = new Map<string, number>();
    units.forEach((u, i) => {
      const id = idOf(articleIds, u.sentence.article);
      articleOf[i] = id;
      sentenceOf[i] = idOf(sentenceIds, `${id} ${u.sentence.index}`);
    });
  }
  // The common terms of each unit (few): a pair sharing one of them shares more than its rare term.
  const commonTerms = coded.map((c) => c.terms.filter((t) => (df[t] as number) > common));
  const count = new Int32Array(n);
  const lastShared = new Int32Array(n);
  const seen = new Int32Array(n).fill(-1);
  const candidates = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = coded[i] as Coded;
    for (let x = 0; x < a.terms.length; x++) {
      const t = a.terms[x] as number;
      stampA[t] = i + 1;
      inA[t] = x + 1;
    }
    let found = 0;
    for (const t of a.terms) {
      const list = postings[t] as Int32Array;
      if (list.length > common) continue;
      for (let p = list.length - 1; p >= 0; p--) {
        const j = list[p] as number;
        if (j <= i) break;
        if (seen[j] !== i) {
          seen[j] = i;
          count[j] = 0;
          candidates[found++] = j;
        }
        count[j] = (count[j] as number) + 1;
        lastShared[j] = t;
      }
    }
    // Edges are sorted below and sims are looked up by key, so the order of candidates does not matter.
    for (let c = 0; c < found; c++) {
      const j = candidates[c] as number;
      if (sentenceOf[i] === sentenceOf[j]) continue;
      const b = coded[j] as Coded;
      if (count[j] === 1) {
        // One rare term in common: worth a look only if it is a word of substance or the pair shares more.
        const t = lastShared[j] as number;
        let pass = a.lower[(inA[t] as number) - 1] === 1;
        if (!pass) for (const u of commonTerms[j] as Int32Array) if (stampA[u] === i + 1) pass = true;
        if (!pass) {
          for (let y = 0; y < b.terms.length; y++) {
            if (b.terms[y] === t) {
              pass = b.lower[y] === 1;
              break;
            }
          }
        }
        if (!pass) continue;
      }
      const s = similar(i, a, b);
      if (s <= 0) continue;
      sims.set(key(i, j), s);
      if (s >= LINK && articleOf[i] !== articleOf[j]) edges.push([s, i, j]);
    }
  }
  edges.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const clusterOf = units.map((_, i) => i);
  const members = new Map<number, number[]>(units.map((_, i) => [i, [i]]));
  const average = (p: number[], q: number[]) => {
    let sum = 0;
    for (const i of p) for (const j of q) sum += sims.get(key(i, j)) ?? 0;
    return sum / (p.length * q.length);
  };
  for (const [, i, j] of edges) {
    const ci = clusterOf[i] as number;
    const cj = clusterOf[j] as number;
    if (ci === cj) continue;
    const p = members.get(ci) as number[];
    const q = members.get(cj) as number[];
    if (average(p, q) < AVERAGE_LINK) continue;
    const [keep, drop] = ci < cj ? [ci, cj] : [cj, ci];
    const merged = [...(members.get(keep) as number[]), ...(members.get(drop) as number[])].sort((x, y) => x - y);
    members.set(keep, merged);
    members.delete(drop);
    for (const m of merged) clusterOf[m] = keep;
  }
  return [...members.values()].map((list) => {
    let best = list[0] as number;
    let bestScore = -1;
    for (const i of list) {
      let score = 0;
      for (const j of list) if (i !== j) score += sims.get(key(i, j)) ?? 0;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    return { units: list.map((i) => units[i] as ClaimUnit), medoid: units[best] as ClaimUnit };
  });
}

/** What building facts needs to know of the story. */
export interface FactContext {
  lineageOf: (article: string) => string;
  /** Lower is preferred when picking a cluster's wording (originals before spun or translated copies). */
  preference: (article: string) => number;
  /** Articles in story order. */
  order: readonly string[];
  conflicts: (cluster: FactCluster) => Conflict[];
}

/** Clusters as report facts, most widely carried first. */
export function buildFacts(clusters: readonly FactCluster[], ctx: FactContext): Fact[] {
  const ranks = new Map<string, number>();
  ctx.order.forEach((a, i) => {
    if (!ranks.has(a)) ranks.set(a, i);
  });
  const rank = (a: string) => ranks.get(a) ?? ctx.order.length;
  const facts = clusters.map((c) => {
    const articles = [...new Set(c.units.map((u) => u.sentence.article))].sort((a, b) => rank(a) - rank(b));
    const lineages = [...new Set(articles.map(ctx.lineageOf))].sort();
    // The wording of the most trusted article stating it (an original before its spun or translated copies), the
    // medoid's when that article is among them.
    const wording = [...c.units].sort(
      (a, b) =>
        ctx.preference(a.sentence.article) - ctx.preference(b.sentence.article) ||
        (a === c.medoid ? 0 : 1) - (b === c.medoid ? 0 : 1) ||
        rank(a.sentence.article) - rank(b.sentence.article),
    )[0];
    const text = (wording ?? c.medoid).text.trim();
    const passages: Passage[] = [];
    const anchors = new Set<string>();
    for (const u of c.units) {
      if (!anchors.has(u.sentence.anchor)) {
        anchors.add(u.sentence.anchor);
        passages.push({ article: u.sentence.article, anchor: u.sentence.anchor, text: u.sentence.text });
      }
    }
    const first = Math.min(...c.units.map((u) => u.sentence.index));
    return {
      fact: {
        id: '',
        text,
        articles,
        lineages,
        confirmed: lineages.length > 1 ? ('independent' as const) : ('single-lineage' as const),
        conflicts: ctx.conflicts(c),
        passages,
        quoted: c.units.every((u) => /["“”«»„]/.test(u.text)),
      },
      first,
    };
  });
  facts.sort(
    (a, b) =>
      b.fact.articles.length - a.fact.articles.length ||
      b.fact.lineages.length - a.fact.lineages.length ||
      a.first - b.first ||
      (a.fact.passages[0]?.anchor ?? '').localeCompare(b.fact.passages[0]?.anchor ?? ''),
  );
  return facts.map(({ fact }, i) => ({ ...fact, id: `f${i + 1}` }));
}
