/**
 * @module The shape of a lineage: which of its texts derives from which, up to the choice of the original. Text
 * passes down a derivation tree, so what two texts share has passed through every text on the path between them:
 * of three texts, the one in the middle lacks (almost) nothing the other two share — "b holds everything c keeps of
 * a". A maximum spanning tree over shared word shingles is that tree when every text on it is in the story. When one
 * is not, two copies share changes their neighbour lacks while each has changes of its own (shared additions): they
 * came through one intermediate, and the tree gets an unseen node for it.
 *
 * The tree gives no direction by itself (an edit and its reversal look alike); direction.ts roots it.
 */
import { intersectSorted } from '../relate/compare.js';
import type { Traits } from './clues.js';

/** Shingles a text must lack (or two must share) to count as a change rather than chance. */
export const CHANGE = 6;

/** Shingles the text in the middle of three may lack by chance. */
const CHANCE = 2;

/** Texts that differ by fewer shingles than this are one text (a copy without edits). */
const SAME_TEXT = 3;

export interface LineageTree {
  /** Per node, its articles: one or more (copies of one text), none for an unseen intermediate. */
  members: string[][];
  /** Node of each article. */
  nodeOf: Map<string, number>;
  neighbours: number[][];
  /** Per node, its shingles (an unseen node's: those at least two of its neighbours hold). */
  sets: Uint32Array[];
}

/** Which of three texts lies between the other two, or none (a star around an unseen text). */
export interface Shape {
  middle: number | null;
  /** Every pair shares changes the third lacks: the three hang from one text that is not among them. */
  star: boolean;
}

/** From what each of three texts lacks of the other two's common part. */
export function shapeOf(lacks: readonly [number, number][]): Shape {
  const [low, mid] = [...lacks].sort((p, q) => p[1] - q[1]) as [[number, number], [number, number], [number, number]];
  // The middle lacks next to nothing while both ends lack changes of their own. A few shingles are chance (a
  // spinner turning a synonym back); a change's worth is an edit the middle would have had to undo: a star.
  if (mid[1] < CHANGE) return { middle: null, star: false };
  if (low[1] <= CHANCE + 0.05 * mid[1]) return { middle: low[0], star: false };
  return { middle: null, star: low[1] >= CHANGE };
}

export interface TreeInput {
  ids: readonly string[];
  traits: ReadonlyMap<string, Traits>;
  /** Pairs the relations join, with a weight for pairs whose shingles cannot show it (translations). */
  joined: readonly { a: string; b: string; weight: number }[];
}

/** The lineage's derivation tree, unrooted. */
export function lineageTree(input: TreeInput): LineageTree {
  const { members, sets } = sameTexts(input);
  const nodeOf = new Map<string, number>();
  members.forEach((m, i) => {
    for (const id of m) nodeOf.set(id, i);
  });
  const neighbours = spanningTree(sets, input.joined, nodeOf);
  const tree: LineageTree = { members, nodeOf, neighbours, sets };
  addUnseen(tree);
  return tree;
}

/** Articles whose shingles (nearly) coincide are one node: nothing in their text tells them apart. */
function sameTexts(input: TreeInput): { members: string[][]; sets: Uint32Array[] } {
  const members: string[][] = [];
  const sets: Uint32Array[] = [];
  for (const id of input.ids) {
    const s = input.traits.get(id)?.shingles ?? new Uint32Array();
    const same = (t: Uint32Array) =>
      s.length > 0 &&
      Math.abs(t.length - s.length) < SAME_TEXT &&
      t.length + s.length - 2 * intersectSorted(t, s) < SAME_TEXT;
    const k = sets.findIndex(same);
    if (k >= 0) members[k]?.push(id);
    else {
      members.push([id]);
      sets.push(s);
    }
  }
  return { members, sets };
}

/** Kruskal on shared shingles (the relations' own weight where shingles cannot show a link). */
function spanningTree(
  sets: readonly Uint32Array[],
  joined: TreeInput['joined'],
  nodeOf: ReadonlyMap<string, number>,
): number[][] {
  const n = sets.length;
  const weight = new Map<number, number>();
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const w = intersectSorted(sets[i] as Uint32Array, sets[j] as Uint32Array);
      if (w >= CHANGE) weight.set(i * n + j, w);
    }
  for (const { a, b, weight: w } of joined) {
    const [i, j] = [nodeOf.get(a) as number, nodeOf.get(b) as number].sort((p, q) => p - q) as [number, number];
    if (i !== j) weight.set(i * n + j, Math.max(weight.get(i * n + j) ?? 0, w));
  }
  const order = [...weight].sort((p, q) => q[1] - p[1] || p[0] - q[0]);
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    parent[x] = r;
    return r;
  };
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const [key] of order) {
    const i = Math.floor(key / n);
    const j = key % n;
    const [ri, rj] = [find(i), find(j)];
    if (ri === rj) continue;
    parent[ri] = rj;
    neighbours[i]?.push(j);
    neighbours[j]?.push(i);
  }
  return neighbours;
}

/**
 * Where two neighbours of a node share changes the node lacks (and it has changes of its own), they are not joined
 * through it but through an intermediate the story does not hold: a node for that text goes between them.
 */
function addUnseen(tree: LineageTree): void {
  const sets = tree.sets;
  const work = tree.neighbours.map((_, i) => i);
  const limit = 2 * tree.members.length;
  while (work.length > 0 && tree.members.length < limit) {
    const x = work.pop() as number;
    const around = tree.neighbours[x] as number[];
    const group = starAround(x, around, sets);
    if (!group) continue;
    const v = tree.members.length;
    tree.members.push([]);
    sets.push(majority([x, ...group].map((i) => sets[i] as Uint32Array)));
    tree.neighbours[x] = [...around.filter((y) => !group.includes(y)), v];
    for (const y of group) tree.neighbours[y] = (tree.neighbours[y] as number[]).map((z) => (z === x ? v : z));
    tree.neighbours.push([x, ...group]);
    work.push(x, v);
  }
}

/** Neighbours of x that pairwise share changes x lacks: the first such group of two or more, or null. */
function starAround(x: number, around: readonly number[], sets: readonly Uint32Array[]): number[] | null {
  const [y, z] = sharingPair(x, around, sets) ?? [];
  if (y === undefined || z === undefined) return null;
  // Others that share the same changes join the group.
  const group = [y, z];
  for (const w of around) if (!group.includes(w) && group.every((g) => shapeOfNodes(x, g, w, sets).star)) group.push(w);
  return group;
}

/**
 * Two neighbours of x in a star with it. Only neighbours that share a change's worth of shingles x lacks can be, and
 * an index of those shingles finds them without comparing every pair (the original of a wire may have a hundred).
 */
function sharingPair(x: number, around: readonly number[], sets: readonly Uint32Array[]): [number, number] | null {
  const own = sets[x] as Uint32Array;
  const holders = new Map<number, number[]>();
  for (const y of around) {
    for (const h of sets[y] as Uint32Array) {
      if (binaryHas(own, h)) continue;
      const list = holders.get(h);
      if (list) list.push(y);
      else holders.set(h, [y]);
    }
  }
  const shared = new Map<number, number>();
  for (const list of holders.values()) {
    for (let p = 0; p < list.length; p++)
      for (let q = p + 1; q < list.length; q++) {
        const k = (list[p] as number) * sets.length + (list[q] as number);
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
  }
  const candidates = [...shared].filter(([, n]) => n >= CHANGE).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [k] of candidates) {
    const [y, z] = [Math.floor(k / sets.length), k % sets.length];
    if (shapeOfNodes(x, y, z, sets).star) return [y, z];
  }
  return null;
}

function binaryHas(a: Uint32Array, v: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = a[mid] as number;
    if (m === v) return true;
    if (m < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function shapeOfNodes(x: number, y: number, z: number, sets: readonly Uint32Array[]): Shape {
  const [sx, sy, sz] = [sets[x], sets[y], sets[z]] as [Uint32Array, Uint32Array, Uint32Array];
  const xy = intersection(sx, sy);
  const all = intersectSorted(xy, sz);
  return shapeOf([
    [x, intersectSorted(sy, sz) - all],
    [y, intersectSorted(sx, sz) - all],
    [z, xy.length - all],
  ]);
}

/** Shingles held by at least two of the texts: the text they hang from, as far as they show it. */
function majority(sets: readonly Uint32Array[]): Uint32Array {
  const counts = new Map<number, number>();
  for (const s of sets) for (const h of s) counts.set(h, (counts.get(h) ?? 0) + 1);
  return Uint32Array.from([...counts].filter(([, c]) => c >= 2).map(([h]) => h)).sort();
}

function intersection(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.slice(0, n);
}

/**
 * Shingles `y` shares with `x` that `p` lacks: the changes `x` made to its source `p` that `y` kept. A text that
 * keeps none of them may as well come from `p` itself.
 */
export function keptChanges(tree: LineageTree, p: number, x: number, y: number): number {
  const [sp, sx, sy] = [tree.sets[p], tree.sets[x], tree.sets[y]] as [Uint32Array, Uint32Array, Uint32Array];
  const xy = intersection(sx, sy);
  return xy.length - intersectSorted(xy, sp);
}
