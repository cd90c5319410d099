/**
 * @module The incremental story clusterer. Each article, as it arrives, joins the story it is most like, starts a
 * new one, or (rarely) joins one after merging two stories it bridges. Reuse links (copies, rewrites, translations)
 * decide on their own; otherwise similarity decides: per evidence channel (words, names, numbers, dates, quotations)
 * the cosine between the article's features and the story's summed features, both weighted by rarity computed from
 * the articles seen so far; the weighted mean over the channels both sides have; decayed by the time between the
 * article and the story's dates. After a join, the story merges with a neighbour it has become plainly alike.
 * Stories idle beyond the activity window are frozen: never compared again, and (unless `retainFrozen`) forgotten,
 * since the store keeps them. Document frequencies halve every `dfHalfLife` arrivals, forgetting what falls under one,
 * so memory and the snapshot follow the active window, not the history.
 */
import { articleFeatures, CHANNEL_COUNT, channelOf, termLanguage, termPrefix } from './features.js';
import { type ClusterOptions, DEFAULT_CLUSTER_OPTIONS } from './options.js';
import { decay, gapDays, namesMonthOf, toDay } from './time.js';
import type {
  Assignment,
  Clusterer,
  ClustererState,
  ClusterInput,
  MergeRecord,
  ReuseLink,
  ReuseType,
} from './types.js';

/** Reuse kinds that say two articles carry one text, hence one event. */
const STRONG_REUSE: ReadonlySet<ReuseType> = new Set([
  'duplicate',
  'light-edit',
  'rewrite',
  'partial',
  'spun',
  'translated',
]);

/**
 * A feature the clusterer knows, looked up once per article: its document frequency and the active stories that hold
 * it (its postings), so scoring follows references instead of looking keys up in large tables.
 */
interface Feature {
  key: string;
  channel: number;
  /** The language of a term (see `termLanguage`), null for a feature of another channel. */
  language: string | null;
  /** Document frequency; 0 while not counted (not seen yet, or forgotten by `halveDf`). */
  df: number;
  /** Its document frequency in `o.seed`. */
  seed: number;
  /** The active stories holding it (by `Story.slot`), each with its weight in it (as in `Story.weights`); null when none. */
  stories: Map<number, number> | null;
  /**
   * Whether the weights in `stories` are up to date. Only postings short enough to nominate candidates are read for
   * weights; a long one (a common word's) is not kept up to date, and is brought up to date if it shrinks enough.
   */
  current: boolean;
  /** Listed in `features`: a feature neither counted nor held by a story is forgotten. */
  listed: boolean;
  /**
   * Scratch for a split check (`trySplit`), valid while `check` is that check's number: the feature's rarity, and
   * the member that holds it first with its weight there, or (`shared` ≥ 0) its postings among several members.
   */
  check: number;
  rarity: number;
  holder: number;
  held: number;
  shared: number;
}

interface Story {
  id: string;
  /** Creation order: the older of two merged stories survives. */
  created: number;
  title: string | null;
  articles: string[];
  /**
   * Summed member features, each member normalised when it joined; rarity is applied when scoring. Weights are
   * integer ten-thousandths (see `UNIT`).
   */
  weights: Map<Feature, number> | null;
  first: number | null;
  last: number | null;
  /** Arrival number of its latest article. */
  touched: number;
  /**
   * Per-channel sums of squares of the rarity-weighted sum (its norms squared), and the article count they were
   * computed at (`normAt`, -1: stale).
   */
  squares: Float64Array;
  /**
   * The term channel's sum of squares in English (or unknown language), kept with `squares`, and per other language:
   * the common case needs no lookup when a story is scored.
   */
  englishSquares: number;
  termSquares: Map<string, number>;
  normAt: number;
  /** While active, its number among the active stories (reused once it is frozen or merged away); else -1. */
  slot: number;
  members: Member[] | null;
  checkedAt: number;
}

/** A new article, ready for scoring: rarity-weighted features normalised per channel. */
interface Probe {
  features: readonly Feature[];
  channels: Uint8Array;
  vec: Float64Array;
  rarity: Float64Array;
  /** 1 for each channel the article has something in. */
  present: Float64Array;
  /** Per channel, the rarity of the article's rarest feature in it over the largest rarity possible (0–1). */
  info: Float64Array;
  /** The language its terms are in (see `termLanguage`). */
  language: string;
  /** Months the article names (`Features.months`). */
  months: readonly number[];
}

const SWEEP_EVERY = 512;
/** A story's norms are recomputed once the stream has grown this much since: rarity drifts slowly. */
const NORM_DRIFT = 1.25;
/**
 * Story weights are kept to four decimals: scores do not notice, and the snapshot is half the size. They are held as
 * integer ten-thousandths (small integers need no allocation) and read as `w / UNIT`.
 */
const UNIT = 1e4;
const units = (x: number) => Math.round(x * UNIT);
/**
 * An article's channel weighs by (its rarest feature's rarity / the largest possible) to this power: a channel that
 * holds only what the whole day says (today's date) hardly counts, one with a rare name or figure counts fully.
 */
const INFO_POWER = 4;
/** A story is checked for a split when it reaches `splitFrom` articles, then each time it has grown by half. */
const SPLIT_GROWTH = 1.5;
/**
 * Rarity from fewer articles than this says little (in a pile of six reports of one event every word they share looks
 * common, and any two halves look unlike), so no story is split before the stream (or its seed) has this many.
 */
const SPLIT_AFTER_DOCS = 200;

/** A member of a small story as it joined: its features and their channel-normalised weights. */
interface Member {
  id: string;
  day: number | null;
  features: Feature[];
  weights: Float32Array;
}

/**
 * The `k` items best by `order` (negative: `a` first), best first, without sorting them all. `order` must be a total
 * order, so the result does not depend on the order of `items`.
 */
function topBy(items: number[], k: number, order: (a: number, b: number) => number): number[] {
  if (items.length <= k) return items.sort(order);
  const top: number[] = [];
  for (const x of items) {
    if (top.length === k && order(x, top[k - 1]!) >= 0) continue;
    let i = Math.min(top.length, k - 1);
    if (top.length < k) top.push(x);
    while (i > 0 && order(x, top[i - 1]!) < 0) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = x;
  }
  return top;
}

export function createClusterer(options: Partial<ClusterOptions> = {}, state?: ClustererState): Clusterer {
  const o: ClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  // Idle stories are looked for in batches; a short article window is checked as often as it is long.
  const sweepEvery = Math.max(1, Math.min(SWEEP_EVERY, o.windowArticles));
  /** Every feature counted in the document frequencies or held by an active story. */
  let features = new Map<string, Feature>();
  let docs = 0;
  let arrivals = 0;
  let created = 0;
  let clock: number | null = null;
  let all = new Map<string, Story>();
  let active = new Set<Story>();
  let storyOfArticle = new Map<string, Story>();
  let mergeLog: MergeRecord[] = [];
  // The active stories by slot, the slots free for reuse, and per slot (scratch for `rank`, in arrays small enough to
  // stay in cache): the arrival it last nominated the story for, its partial score then, and the story's `created`.
  let slots: (Story | undefined)[] = [];
  let freeSlots: number[] = [];
  let marks = new Float64Array(1024);
  let partials = new Float64Array(1024);
  let createdOf = new Float64Array(1024);

  const reset = () => {
    features = new Map();
    docs = 0;
    arrivals = 0;
    created = 0;
    clock = null;
    all = new Map();
    active = new Set();
    storyOfArticle = new Map();
    mergeLog = [];
    slots = [];
    freeSlots = [];
  };

  const grown = (a: Float64Array) => {
    const b = new Float64Array(a.length * 2);
    b.set(a);
    return b;
  };
  const activate = (s: Story) => {
    const slot = freeSlots.pop() ?? slots.length;
    if (slot >= marks.length) {
      marks = grown(marks);
      partials = grown(partials);
      createdOf = grown(createdOf);
    }
    slots[slot] = s;
    marks[slot] = -1;
    createdOf[slot] = s.created;
    s.slot = slot;
    active.add(s);
  };
  const deactivate = (s: Story) => {
    active.delete(s);
    slots[s.slot] = undefined;
    freeSlots.push(s.slot);
    s.slot = -1;
  };
  /** Best partial score first; ties: the older story. */
  const byPartial = (a: number, b: number) => partials[b]! - partials[a]! || createdOf[a]! - createdOf[b]!;

  const seedDf = (key: string) => (o.seed ? (o.seed.df[key] ?? 0) : 0);
  const seedDocs = o.seed ? o.seed.docs : 0;
  const idf = (f: Feature) => Math.log((docs + seedDocs + 1) / (f.df + f.seed + 1)) + 1;

  const feature = (key: string): Feature => {
    let f = features.get(key);
    if (f === undefined) {
      f = {
        key,
        channel: channelOf(key),
        language: termLanguage(key),
        df: 0,
        seed: seedDf(key),
        stories: null,
        current: true,
        listed: true,
        check: 0,
        rarity: 0,
        holder: 0,
        held: 0,
        shared: -1,
      };
      features.set(key, f);
    }
    return f;
  };
  /** Lists a feature last, as the document frequencies list a key counted anew. */
  const relist = (f: Feature) => {
    if (f.listed) features.delete(f.key);
    features.set(f.key, f);
    f.listed = true;
  };
  const forgetIfUnused = (f: Feature) => {
    if (f.df === 0 && f.stories === null && f.listed) {
      features.delete(f.key);
      f.listed = false;
    }
  };

  const channelWeight = new Float64Array([
    o.weights.term,
    o.weights.entity,
    o.weights.number,
    o.weights.date,
    o.weights.quote,
  ]);

  /**
   * Per-channel norms of a story's rarity-weighted sum. Joins update the squares as they go; a full pass runs only
   * when rarity has drifted (the stream grew a tenth since) or features were dropped. Written into `out`.
   */
  const storyNorms = (s: Story, out: Float64Array): Float64Array => {
    if (s.normAt < 0 || docs > s.normAt * NORM_DRIFT + 1) {
      const sq = s.squares.fill(0);
      const ts = s.termSquares;
      ts.clear();
      // English (or unknown) terms, the common case, are summed here; other languages in the map.
      let english = 0;
      s.weights!.forEach((w, f) => {
        const x = (w / UNIT) * idf(f);
        const c = f.channel;
        sq[c] = sq[c]! + x * x;
        const lang = f.language;
        if (lang === '') english += x * x;
        else if (lang !== null) ts.set(lang, (ts.get(lang) ?? 0) + x * x);
      });
      s.englishSquares = english;
      s.normAt = docs;
    }
    for (let c = 0; c < CHANNEL_COUNT; c++) out[c] = Math.sqrt(s.squares[c]!);
    return out;
  };
  const termSquaresOf = (s: Story, language: string) =>
    language === '' ? s.englishSquares : (s.termSquares.get(language) ?? 0);

  /**
   * The weighted mean of per-channel cosines over the channels both sides have: an article naming no one is judged
   * on its words alone, while two reports that both give dates and share none are judged partly on that. `info`
   * scales each channel's weight by how informative the article's features in it are (see `INFO_POWER`).
   */
  const combine = (dots: Float64Array, a: Float64Array, b: Float64Array, info?: Float64Array): number => {
    let num = 0;
    let den = 0;
    for (let c = 0; c < CHANNEL_COUNT; c++) {
      if (!(a[c]! > 0 && b[c]! > 0)) continue;
      const w = channelWeight[c]! * (info ? info[c]! ** INFO_POWER : 1);
      num += (w * dots[c]!) / (a[c]! * b[c]!);
      den += w;
    }
    return den ? num / den : 0;
  };

  /** Postings this long stop being kept up to date (`Feature.current`): they are too long to nominate. */
  const staleAbove = () => 4 * Math.max(50, o.crowdedShare * active.size);
  /** Records a story's weight in a feature (`added`: the story did not hold it) in the feature's postings. */
  const index = (f: Feature, s: Story, w: number, added: boolean) => {
    let m = f.stories;
    if (m === null) {
      m = new Map();
      f.stories = m;
      f.current = true;
      if (!f.listed) relist(f);
    } else if (!f.current) {
      if (added) m.set(s.slot, w);
      return;
    }
    m.set(s.slot, w);
    if (m.size > staleAbove()) f.current = false;
  };
  /** Brings a feature's postings up to date with the weights of the stories in them. */
  const refresh = (f: Feature) => {
    const m = f.stories!;
    for (const slot of m.keys()) m.set(slot, slots[slot]!.weights!.get(f)!);
    f.current = true;
  };
  const unindexOne = (f: Feature, s: Story) => {
    const m = f.stories;
    if (m === null) return;
    m.delete(s.slot);
    if (m.size === 0) {
      f.stories = null;
      forgetIfUnused(f);
    }
  };
  const unindex = (s: Story) => {
    for (const f of s.weights!.keys()) unindexOne(f, s);
  };

  /** Drops a story's lightest features beyond the cap, so a long-running story costs bounded memory. */
  const trim = (s: Story) => {
    const w = s.weights!;
    if (w.size <= o.maxStoryFeatures * 1.25) return;
    const sorted = [...w.entries()].sort((a, b) => b[1] - a[1] || (a[0].key < b[0].key ? -1 : 1));
    s.normAt = -1;
    for (const [f] of sorted.slice(o.maxStoryFeatures)) {
      w.delete(f);
      unindexOne(f, s);
    }
  };

  const dots = new Float64Array(CHANNEL_COUNT);
  const probeNorms = new Float64Array(CHANNEL_COUNT);
  const normsA = new Float64Array(CHANNEL_COUNT);
  const normsB = new Float64Array(CHANNEL_COUNT);

  const score = (s: Story, a: Probe) => {
    const w = s.weights!;
    dots.fill(0);
    const { features: fs, channels, vec, rarity } = a;
    for (let i = 0; i < fs.length; i++) {
      const c = w.get(fs[i]!);
      if (c === undefined) continue;
      const ch = channels[i]!;
      dots[ch] = dots[ch]! + vec[i]! * (c / UNIT) * rarity[i]!;
    }
    // Terms are compared with the story's terms in the article's language only: a story told in English and French
    // is, for a French article, its French reports' words (and its names, numbers and dates in any language).
    storyNorms(s, probeNorms);
    probeNorms[0] = Math.sqrt(termSquaresOf(s, a.language));
    return combine(dots, a.present, probeNorms, a.info);
  };

  /** Two stories' similarity, decayed by the days between their date ranges (two dated events months apart stay two). */
  const storySimilarity = (a: Story, b: Story): number => {
    const gap = a.first === null || b.first === null ? 0 : Math.max(0, a.first - b.last!, b.first - a.last!);
    const fade = decay(gap, o.graceDays, o.decayDays);
    if (fade < 0.01) return 0;
    const [small, large] = a.weights!.size <= b.weights!.size ? [a, b] : [b, a];
    dots.fill(0);
    const lw = large.weights!;
    small.weights!.forEach((w, f) => {
      const c = lw.get(f);
      if (c !== undefined) {
        const r = idf(f);
        const ch = f.channel;
        dots[ch] = dots[ch]! + (w / UNIT) * (c / UNIT) * r * r;
      }
    });
    return fade * combine(dots, storyNorms(a, normsA), storyNorms(b, normsB));
  };

  /**
   * How alike two stories must be to merge: `storyMergeThreshold`, but a single article may join a story of three or
   * more on the terms it would have joined it on arrival (a report held back by the small-story margin, or that came
   * before the story had grown, joins it later).
   */
  const mergeBar = (a: Story, b: Story): number => {
    const small = Math.min(a.articles.length, b.articles.length);
    const large = Math.max(a.articles.length, b.articles.length);
    if (small > 1 || large < 3) return o.storyMergeThreshold;
    return Math.min(o.storyMergeThreshold, o.joinThreshold + o.smallStoryMargin / large);
  };

  const newStory = (articleId: string, title: string | null): Story => {
    const s: Story = {
      id: `s-${articleId}`,
      created: created++,
      title,
      articles: [],
      weights: new Map(),
      first: null,
      last: null,
      touched: arrivals,
      squares: new Float64Array(CHANNEL_COUNT),
      englishSquares: 0,
      termSquares: new Map(),
      normAt: docs,
      slot: -1,
      members: o.splitFrom > 0 ? [] : null,
      checkedAt: 0,
    };
    all.set(s.id, s);
    activate(s);
    return s;
  };

  /** Brings a frozen story back (a reuse link reached it): it restarts from the new article's features. */
  const revive = (s: Story) => {
    if (s.weights) return;
    s.weights = new Map();
    s.normAt = -1;
    activate(s);
  };

  const merge = (into: Story, from: Story, articleId: string) => {
    const iw = into.weights!;
    for (const [f, w] of from.weights!) {
      unindexOne(f, from);
      const had = iw.get(f);
      const now = units((had === undefined ? 0 : had / UNIT) + w / UNIT);
      iw.set(f, now);
      index(f, into, now, had === undefined);
    }
    for (const a of from.articles) {
      into.articles.push(a);
      storyOfArticle.set(a, into);
    }
    into.members = into.members && from.members ? into.members.concat(from.members) : null;
    if (into.members && into.members.length > o.splitUpTo) into.members = null;
    if (from.first !== null) into.first = into.first === null ? from.first : Math.min(into.first, from.first);
    if (from.last !== null) into.last = into.last === null ? from.last : Math.max(into.last, from.last);
    into.touched = Math.max(into.touched, from.touched);
    into.normAt = -1;
    deactivate(from);
    all.delete(from.id);
    mergeLog.push({ into: into.id, from: from.id, article: articleId });
    trim(into);
  };

  const freeze = (s: Story) => {
    unindex(s);
    s.weights = null;
    s.members = null;
    deactivate(s);
    if (o.retainFrozen) return;
    all.delete(s.id);
    for (const a of s.articles) storyOfArticle.delete(a);
  };

  /** Halves every document frequency, forgetting those that fall under one; stories' norms are then recomputed. */
  const halveDf = () => {
    for (const f of features.values()) {
      if (f.df === 0) continue;
      if (f.df < 2) {
        f.df = 0;
        forgetIfUnused(f);
      } else f.df /= 2;
    }
    docs /= 2;
    for (const s of active) s.normAt = -1;
  };

  const sweep = () => {
    for (const s of [...active]) {
      const idleDays = clock !== null && s.last !== null ? clock - s.last : 0;
      if (idleDays > o.windowDays || arrivals - s.touched > o.windowArticles) freeze(s);
    }
    // The merge log keeps what concerns stories still held.
    if (!o.retainFrozen && mergeLog.length) mergeLog = mergeLog.filter((m) => all.has(m.into));
  };

  const add = (article: ClusterInput, links: readonly ReuseLink[] = []): Assignment => {
    if (storyOfArticle.has(article.id)) {
      return { story: storyOfArticle.get(article.id)!.id, kind: 'joined', merged: [] };
    }
    arrivals++;
    const { keys, weights, channels, months } = articleFeatures(article, o.weights);
    const fs = keys.map(feature);
    const language = termLanguage(termPrefix(article.language)) ?? '';
    const day = toDay(article.published);
    if (day !== null && (clock === null || day > clock)) clock = day;
    const n = keys.length;
    const rarity = new Float64Array(n);
    const vec = new Float64Array(n);
    // Each channel is normalised on its own, so the article's vector has unit norm in every channel it has.
    const norms = new Float64Array(CHANNEL_COUNT);
    for (let i = 0; i < n; i++) {
      rarity[i] = idf(fs[i]!);
      vec[i] = weights[i]! * rarity[i]!;
      const ch = channels[i]!;
      norms[ch] = norms[ch]! + vec[i]! * vec[i]!;
    }
    for (let c = 0; c < CHANNEL_COUNT; c++) norms[c] = Math.sqrt(norms[c]!);
    for (let i = 0; i < n; i++) vec[i] = vec[i]! / norms[channels[i]!]!;
    const present = norms.map((x) => (x > 0 ? 1 : 0));
    // A channel weighs by how rare its rarest feature is: a date every article of the day gives is little evidence.
    const info = new Float64Array(CHANNEL_COUNT);
    const top = Math.log(docs + seedDocs + 1) + 1;
    for (let i = 0; i < n; i++) {
      const ch = channels[i]!;
      info[ch] = Math.max(info[ch]!, rarity[i]! / top);
    }

    // Reuse links: carrying one text means reporting one event, whatever the words say.
    const linked: Story[] = [];
    for (const l of links) {
      if (!STRONG_REUSE.has(l.type)) continue;
      const s = storyOfArticle.get(l.other);
      if (s && !linked.includes(s)) linked.push(s);
    }

    let target: Story | null = null;
    const absorbed: Story[] = [];
    let neighbours: { story: Story; sim: number }[] = [];
    if (linked.length) {
      linked.sort((a, b) => a.created - b.created);
      target = linked[0]!;
      revive(target);
      for (const s of linked.slice(1)) {
        revive(s);
        absorbed.push(s);
      }
    } else {
      const ranked = rank({ features: fs, channels, vec, rarity, present, info, language, months }, day);
      // The most similar story that clears its bar: a small story asks more (see `smallStoryMargin`).
      const best = ranked.find((c) => c.sim >= o.joinThreshold + o.smallStoryMargin / c.story.articles.length);
      if (best) {
        target = best.story;
        for (const c of ranked) {
          if (c.sim < o.mergeThreshold) break;
          if (c === best) continue;
          if (storySimilarity(target, c.story) >= o.storyMergeThreshold) absorbed.push(c.story);
        }
      }
      neighbours = ranked;
    }

    let kind: Assignment['kind'] = target ? 'joined' : 'created';
    let story: Story = target ?? newStory(article.id, article.title);
    const merged: string[] = [];
    for (const s of absorbed) {
      merged.push(s.id);
      merge(story, s, article.id);
    }
    if (merged.length) kind = 'merged';

    const tw = story.weights!;
    const sq = story.squares;
    let termChange = 0;
    for (let i = 0; i < n; i++) {
      const f = fs[i]!;
      const ch = channels[i]!;
      const held = tw.get(f);
      const had = held === undefined ? 0 : held / UNIT;
      const nowUnits = units(had + weights[i]! / norms[ch]!);
      const now = nowUnits / UNIT;
      tw.set(f, nowUnits);
      const change = (now * now - had * had) * rarity[i]! * rarity[i]!;
      sq[ch] = sq[ch]! + change;
      if (ch === 0) termChange += change;
      index(f, story, nowUnits, held === undefined);
    }
    if (termChange !== 0) {
      if (language === '') story.englishSquares += termChange;
      else story.termSquares.set(language, (story.termSquares.get(language) ?? 0) + termChange);
    }
    trim(story);
    if (story.members) {
      const mw = new Float32Array(n);
      // Kept to four decimals, as story weights are: the snapshot writes them short and restores them exactly.
      for (let i = 0; i < n; i++) mw[i] = units(weights[i]! / norms[channels[i]!]!) / UNIT;
      story.members.push({ id: article.id, day, features: fs, weights: mw });
      if (story.members.length > o.splitUpTo) story.members = null;
    }
    story.articles.push(article.id);
    if (story.title === null) story.title = article.title;
    storyOfArticle.set(article.id, story);
    if (day !== null) {
      story.first = story.first === null ? day : Math.min(story.first, day);
      story.last = story.last === null ? day : Math.max(story.last, day);
    }
    story.touched = arrivals;
    // With this article's evidence added, the story may now be plainly the same event as a neighbour.
    if (o.agglomerate) {
      for (const c of neighbours.slice(0, 4)) {
        if (c.sim < o.neighbourFloor) break;
        if (c.story === story || !all.has(c.story.id)) continue;
        if (storySimilarity(story, c.story) < mergeBar(story, c.story)) continue;
        const [into, from] = c.story.created < story.created ? [c.story, story] : [story, c.story];
        merged.push(from.id);
        merge(into, from, article.id);
        story = into;
      }
      if (merged.length) kind = 'merged';
    }
    for (const f of fs) {
      if (f.df === 0) relist(f);
      f.df += 1;
    }
    docs++;
    let split: { story: string; from: string; articles: string[] }[] = [];
    if (
      story.members &&
      docs + seedDocs >= SPLIT_AFTER_DOCS &&
      story.articles.length >= Math.max(o.splitFrom, story.checkedAt * SPLIT_GROWTH)
    ) {
      const other = trySplit(story);
      if (other) {
        split = [{ story: other.id, from: story.id, articles: [...other.articles] }];
        if (other.articles.includes(article.id)) story = other;
      }
    }
    if (arrivals % sweepEvery === 0) sweep();
    if (arrivals % o.dfHalfLife === 0) halveDf();
    return split.length ? { story: story.id, kind, merged, split } : { story: story.id, kind, merged };
  };

  /**
   * Splits a story whose members form two groups less alike than two stories that would be merged: one early wrong
   * join (two events of one kind, the same place or people) otherwise grows into a story of both events, since each
   * new report of either then matches it. Members are grouped by average link on their pairwise similarity (as an
   * article is scored against a story, each channel counting by how informative the pair's features in it are), a few
   * outlying members set aside; the two groups are compared as two stories are. Returns the story split off, if any.
   */
  let checks = 0;
  const trySplit = (s: Story): Story | null => {
    s.checkedAt = s.articles.length;
    const ms = s.members!;
    const n = ms.length;
    const C = CHANNEL_COUNT;
    // Postings over the members of the features several hold: per feature, its rarity and (member, weight) pairs.
    // A feature one member holds (most of them) only adds to that member's norm (`sq`) and to `own`, the part of it
    // that is the member's alone; it is marked on the feature itself rather than listed.
    const postings: { f: Feature; r: number; at: number[]; w: number[] }[] = [];
    const sq = new Float64Array(n * C);
    const own = new Float64Array(n * C);
    const check = ++checks;
    for (let i = 0; i < n; i++) {
      const m = ms[i]!;
      for (let j = 0; j < m.features.length; j++) {
        const f = m.features[j]!;
        const w = m.weights[j]!;
        if (f.check !== check) {
          f.check = check;
          f.rarity = idf(f);
          f.holder = i;
          f.held = w;
          f.shared = -1;
        } else if (f.shared < 0) {
          f.shared = postings.length;
          postings.push({ f, r: f.rarity, at: [f.holder, i], w: [f.held, w] });
          const x = f.held * f.rarity;
          own[f.holder * C + f.channel] = own[f.holder * C + f.channel]! - x * x;
        } else {
          const p = postings[f.shared]!;
          p.at.push(i);
          p.w.push(w);
        }
        const x = w * f.rarity;
        sq[i * C + f.channel] = sq[i * C + f.channel]! + x * x;
        if (f.shared < 0) own[i * C + f.channel] = own[i * C + f.channel]! + x * x;
      }
    }
    const pairDots = new Float64Array(n * n * C);
    for (const p of postings) {
      const f = p.f;
      const r2 = p.r * p.r;
      for (let a = 0; a < p.at.length; a++)
        for (let b = a + 1; b < p.at.length; b++) {
          const k = (p.at[a]! * n + p.at[b]!) * C + f.channel;
          pairDots[k] = pairDots[k]! + p.w[a]! * p.w[b]! * r2;
        }
    }
    // Words of one language never match another's (see `score`): members told in two languages are compared on
    // their names, numbers, dates and quotes only, and two groups on the words of the languages both have.
    const lang = ms.map((m) => m.features.find((f) => f.language !== null)?.language ?? '');
    // Each channel of a pair counts, as when an article is scored, by how rare the rarest features the two members
    // have in it are (`INFO_POWER`, on the geometric mean of the two): a channel that holds only what every report of
    // the kind of event says (the same city, a common date) weighs little in telling two events apart.
    const most = Math.log(docs + seedDocs + 1) + 1;
    const informative = new Float64Array(n * C);
    for (let i = 0; i < n; i++)
      for (const f of ms[i]!.features) {
        const k = i * C + f.channel;
        informative[k] = Math.max(informative[k]!, f.rarity / most);
      }
    const info = new Float64Array(C);
    const sim = new Float64Array(n * n);
    const na = new Float64Array(C);
    const nb = new Float64Array(C);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        for (let c = 0; c < C; c++) {
          na[c] = Math.sqrt(sq[i * C + c]!);
          nb[c] = Math.sqrt(sq[j * C + c]!);
          dots[c] = pairDots[(i * n + j) * C + c]!;
        }
        if (lang[i] !== lang[j]) na[0] = 0;
        for (let c = 0; c < C; c++) info[c] = Math.sqrt(informative[i * C + c]! * informative[j * C + c]!);
        sim[i * n + j] = sim[j * n + i] = combine(dots, na, nb, info);
      }
    // Average link to one tree (Lance–Williams update of the group similarities), each merge remembered.
    const pairSim = sim.slice();
    // Row i stands for the group rooted at tree node `node[i]` while `alive[i]`.
    const alive = new Uint8Array(n).fill(1);
    const node = ms.map((_, i) => i);
    const kids: [number, number][] = [];
    const size: number[] = ms.map(() => 1);
    for (let left = n; left > 1; left--) {
      let best = Number.NEGATIVE_INFINITY;
      let bi = 0;
      let bj = 1;
      for (let i = 0; i < n; i++) {
        if (!alive[i]) continue;
        for (let j = i + 1; j < n; j++) {
          if (alive[j] && sim[i * n + j]! > best) {
            best = sim[i * n + j]!;
            bi = i;
            bj = j;
          }
        }
      }
      const [a, b] = [size[node[bi]!]!, size[node[bj]!]!];
      for (let k = 0; k < n; k++) {
        if (!alive[k] || k === bi || k === bj) continue;
        sim[bi * n + k] = sim[k * n + bi] = (a * sim[bi * n + k]! + b * sim[bj * n + k]!) / (a + b);
      }
      alive[bj] = 0;
      kids.push([node[bi]!, node[bj]!]);
      size.push(a + b);
      node[bi] = n + kids.length - 1;
    }
    const leaves = (x: number): number[] => (x < n ? [x] : [...leaves(kids[x - n]![0]), ...leaves(kids[x - n]![1])]);
    // From the root down, a branch of fewer than `splitGroup` members is a few outliers, not an event: they are set
    // aside, and the two groups are the first two branches that both hold enough (average link among the others does
    // not depend on the outliers: this is the tree they would give alone).
    let top = n + kids.length - 1;
    const outliers: number[] = [];
    let ga: number[] = [];
    let gb: number[] = [];
    for (;;) {
      if (top < n) return null;
      const [l, r] = kids[top - n]!;
      if (size[l]! >= o.splitGroup && size[r]! >= o.splitGroup) {
        ga = leaves(l);
        gb = leaves(r);
        break;
      }
      const [big, small] = size[l]! >= size[r]! ? [l, r] : [r, l];
      outliers.push(...leaves(small));
      top = big;
    }
    // The two groups as two stories: summed member weights, rarity applied to both sides.
    const side = new Uint8Array(n);
    for (const i of gb) side[i] = 1;
    const langA = new Set(ga.map((i) => lang[i]!));
    const shared = new Set(gb.map((i) => lang[i]!).filter((l) => langA.has(l)));
    const gDots = new Float64Array(C);
    const gA = new Float64Array(C);
    const gB = new Float64Array(C);
    for (let i = 0; i < n; i++) {
      const g = side[i] ? gB : gA;
      for (let c = 0; c < C; c++) if (c !== 0 || shared.has(lang[i]!)) g[c] = g[c]! + own[i * C + c]!;
    }
    for (const p of postings) {
      const f = p.f;
      if (f.language !== null && !shared.has(f.language)) continue;
      let wa = 0;
      let wb = 0;
      for (let k = 0; k < p.at.length; k++) {
        if (side[p.at[k]!]) wb += p.w[k]!;
        else wa += p.w[k]!;
      }
      const r2 = p.r * p.r;
      const c = f.channel;
      gDots[c] = gDots[c]! + wa * wb * r2;
      gA[c] = gA[c]! + wa * wa * r2;
      gB[c] = gB[c]! + wb * wb * r2;
    }
    for (let c = 0; c < C; c++) {
      gA[c] = Math.sqrt(gA[c]!);
      gB[c] = Math.sqrt(gB[c]!);
    }
    if (combine(gDots, gA, gB) >= o.storyMergeThreshold) return null;
    // The groups are compared without the outliers; each then goes with the group it is on average more alike.
    for (const x of outliers) {
      const mean = (g: number[]) => g.reduce((t, i) => t + pairSim[x * n + i]!, 0) / g.length;
      (mean(gb) > mean(ga) ? gb : ga).push(x);
    }
    // The group with the story's first member keeps the story.
    const [keep, move] = ga.includes(0) ? [ga, gb] : [gb, ga];
    const byArrival = (x: number, y: number) => x - y;
    const kept = keep.sort(byArrival).map((i) => ms[i]!);
    const moved = move.sort(byArrival).map((i) => ms[i]!);
    // Named, as a story is, after its first article (unless a story already goes by that name).
    let id = `s-${moved[0]!.id}`;
    for (let k = 2; all.has(id); k++) id = `s-${moved[0]!.id}-${k}`;
    const t = newStory(moved[0]!.id, null);
    all.delete(t.id);
    t.id = id;
    all.set(id, t);
    const fill = (x: Story, members: Member[]) => {
      if (x.weights!.size) unindex(x);
      x.weights = new Map();
      x.members = members;
      x.articles = members.map((m) => m.id);
      x.first = null;
      x.last = null;
      for (const m of members) {
        m.features.forEach((f, i) => {
          x.weights!.set(f, (x.weights!.get(f) ?? 0) + units(m.weights[i]!));
        });
        if (m.day !== null) {
          x.first = x.first === null ? m.day : Math.min(x.first, m.day);
          x.last = x.last === null ? m.day : Math.max(x.last, m.day);
        }
        storyOfArticle.set(m.id, x);
      }
      for (const [f, w] of x.weights!) index(f, x, w, true);
      x.normAt = -1;
      x.touched = arrivals;
      x.checkedAt = members.length;
      trim(x);
    };
    fill(s, kept);
    fill(t, moved);
    return t;
  };

  /** Candidate stories by their overlap on the article's rarer features, then scored exactly, best first. */
  const rank = (a: Probe, day: number | null) => {
    const { features: fs, vec, rarity } = a;
    const common = Math.max(2, o.commonShare * (docs + seedDocs));
    // The article's rarest features nominate, each through at most a small share of the active stories: a long
    // article's tail of middling words, or today's date, would visit many stories for little.
    const crowded = Math.max(50, o.crowdedShare * active.size);
    const order: number[] = [];
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i]!;
      if (f.df + f.seed > common) continue;
      const m = f.stories;
      if (m !== null && m.size <= crowded) order.push(i);
    }
    if (order.length > o.nominators) {
      order.sort((x, y) => rarity[y]! - rarity[x]! || x - y);
      order.length = o.nominators;
    }
    // Partial scores live in the slot arrays (stamped with this arrival): no map per article.
    const stamp = arrivals;
    const nominated: number[] = [];
    for (const i of order) {
      const f = fs[i]!;
      if (!f.current) refresh(f);
      const w = vec[i]! * rarity[i]!;
      f.stories!.forEach((x, slot) => {
        if (marks[slot] !== stamp) {
          marks[slot] = stamp;
          partials[slot] = 0;
          nominated.push(slot);
        }
        partials[slot] = partials[slot]! + w * (x / UNIT);
      });
    }
    const pool = topBy(nominated, o.maxCandidates, byPartial);
    const out: { story: Story; sim: number }[] = [];
    for (const slot of pool) {
      const s = slots[slot]!;
      const raw = score(s, a);
      const gap = gapDays(day, s.first, s.last);
      let fade = decay(gap, o.graceDays, o.decayDays);
      // A follow-up weeks later says so in its words: content this alike outweighs the time between.
      // So does one that names the month the story happened in, however long after (a verdict on a shooting "in
      // April 2007"); the same people in another event seldom date the first.
      if (raw >= o.followUpSimilarity && (gap <= o.followUpDays || namesMonthOf(a.months, s.first, s.last)))
        fade = Math.max(fade, o.followUpFade);
      const sim = raw * fade;
      out.push({ story: s, sim });
    }
    out.sort((a, b) => b.sim - a.sim || a.story.created - b.story.created);
    return out;
  };

  const dfEntries = () => {
    const out: [string, number][] = [];
    for (const f of features.values()) if (f.df > 0) out.push([f.key, f.df]);
    return out;
  };

  const snapshot = (): ClustererState => {
    // Members' features are written as numbers into one table of keys: they repeat across members and stories, and
    // as strings they made most of the snapshot (257 MB at 100k articles of a generated stream, 198 of it members).
    const memberKeys: string[] = [];
    const keyIndex = new Map<Feature, number>();
    const keyOf = (f: Feature) => {
      let k = keyIndex.get(f);
      if (k === undefined) {
        k = memberKeys.length;
        memberKeys.push(f.key);
        keyIndex.set(f, k);
      }
      return k;
    };
    const state: ClustererState = {
      version: 1,
      docs,
      arrivals,
      created,
      clock,
      df: dfEntries(),
      stories: [...all.values()].map((s) => ({
        id: s.id,
        created: s.created,
        title: s.title,
        articles: [...s.articles],
        first: s.first,
        last: s.last,
        touched: s.touched,
        weights: s.weights ? Array.from(s.weights, ([f, w]): [string, number] => [f.key, w / UNIT]) : null,
        ...(s.members && s.weights
          ? {
              checked: s.checkedAt,
              members: s.members.map((m) => ({
                id: m.id,
                day: m.day,
                f: m.features.map(keyOf),
                w: Array.from(m.weights, (w) => units(w) / UNIT),
              })),
            }
          : {}),
      })),
      merges: mergeLog.map((m) => ({ ...m })),
    };
    if (memberKeys.length) state.memberKeys = memberKeys;
    return state;
  };

  /** A member's feature key from the snapshot's table: a place outside it is a corrupt state, not an empty key. */
  const memberKey = (st: ClustererState, k: number): string => {
    const key = st.memberKeys?.[k];
    if (key === undefined) throw new Error(`clusterer state: member feature ${k} is not in memberKeys`);
    return key;
  };

  const restore = (st: ClustererState) => {
    if (st.version !== 1) throw new Error(`unknown clusterer state version ${String(st.version)}`);
    reset();
    docs = st.docs;
    arrivals = st.arrivals;
    created = st.created;
    clock = st.clock;
    for (const [k, v] of st.df) feature(k).df = v;
    for (const r of st.stories) {
      const s: Story = {
        id: r.id,
        created: r.created,
        title: r.title,
        articles: [...r.articles],
        weights: r.weights ? new Map(r.weights.map(([k, w]) => [feature(k), units(w)])) : null,
        first: r.first,
        last: r.last,
        touched: r.touched,
        squares: new Float64Array(CHANNEL_COUNT),
        englishSquares: 0,
        termSquares: new Map(),
        normAt: -1,
        slot: -1,
        members:
          r.weights && r.members
            ? r.members.map((m) => ({
                id: m.id,
                day: m.day,
                features: m.f.map((k) => feature(memberKey(st, k))),
                weights: Float32Array.from(m.w),
              }))
            : null,
        checkedAt: r.checked ?? 0,
      };
      all.set(s.id, s);
      for (const a of s.articles) storyOfArticle.set(a, s);
      if (s.weights) {
        activate(s);
        for (const [f, w] of s.weights) index(f, s, w, true);
      }
    }
    mergeLog = st.merges.map((m) => ({ ...m }));
  };

  if (state) restore(state);

  return {
    add,
    stories: () => [...all.values()].map((s) => ({ id: s.id, articles: [...s.articles] })),
    storyOf: (id) => storyOfArticle.get(id)?.id ?? null,
    merges: () => mergeLog,
    activeCount: () => active.size,
    snapshot,
    restore,
  };
}
