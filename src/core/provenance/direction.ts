/**
 * @module Rooting a lineage's tree (structure.ts). Every choice of original (the root) sets every direction at
 * once: a text is upstream of another when it lies on the path from the root to it. A clue read as "v is not
 * upstream of u" (u was published first, v shows a spinner's slips) holds whatever the rest of the tree, even when u
 * and v are cousins — so each clue penalises exactly the roots that would make v upstream of u; a clue about the
 * original itself (the agency's own copy is it, a text without the agency's credit is not) penalises the roots it
 * rules out. A direction is as sure as the best root giving it beats the best root denying it; where no clue tells
 * two roots apart, the directions they disagree on stay unknown.
 */
import type { LineageTree } from './structure.js';

/** `up` is not upstream of `of` (tree nodes), by `weight`, for the reasons given. */
export interface Exclusion {
  up: number;
  of: number;
  weight: number;
  reasons: readonly string[];
}

/** The node is the original (every other root goes against the clue), or is not (it alone does), by `weight`. */
export interface RootClue {
  node: number;
  original: boolean;
  weight: number;
  reasons: readonly string[];
}

/**
 * What an original outside the story costs next to one inside it. The tree cannot tell an unseen intermediate
 * (one member → it → two copies sharing its changes) from an unseen original (it → the three): the one that keeps a
 * member as the source is taken, weakly, as the story holds the text it grew from more often than not.
 */
export const UNSEEN_ROOT = 0.5;

/** A set of roots: the Euler positions in [lo, hi], or all but those. */
interface Side {
  lo: number;
  hi: number;
  inside: boolean;
}

export class Rooting {
  readonly #parent: Int32Array;
  readonly #tin: Int32Array;
  readonly #tout: Int32Array;
  /** Node at each Euler position. */
  readonly #at: Int32Array;
  /** Per Euler position: minus the weight of the clues that root contradicts. */
  readonly score: Float64Array;
  readonly #exclusions: readonly Exclusion[];
  /** The roots each exclusion goes against. */
  readonly #sides: Side[];
  readonly #roots: readonly RootClue[];
  #top: { node: number; margin: number } | null = null;
  readonly #contradicted = new Map<number, { weight: number; reasons: readonly string[] }[]>();

  constructor(
    readonly tree: LineageTree,
    exclusions: readonly Exclusion[],
    roots: readonly RootClue[] = [],
  ) {
    const n = tree.neighbours.length;
    this.#parent = new Int32Array(n).fill(-1);
    this.#tin = new Int32Array(n);
    this.#tout = new Int32Array(n);
    this.#at = new Int32Array(n);
    this.#exclusions = exclusions;
    this.#roots = roots;
    this.#walk();
    this.#sides = exclusions.map((e) => this.upstreamRoots(e.up, e.of));
    // Penalties added over ranges of Euler positions, summed once.
    const diff = new Float64Array(n + 1);
    exclusions.forEach((e, i) => {
      const s = this.#sides[i] as Side;
      if (s.inside) {
        diff[s.lo] = (diff[s.lo] as number) + e.weight;
        diff[s.hi + 1] = (diff[s.hi + 1] as number) - e.weight;
      } else {
        diff[0] = (diff[0] as number) + e.weight;
        diff[s.lo] = (diff[s.lo] as number) - e.weight;
        diff[s.hi + 1] = (diff[s.hi + 1] as number) + e.weight;
      }
    });
    this.score = new Float64Array(n);
    let run = 0;
    for (let p = 0; p < n; p++) {
      run += diff[p] as number;
      const node = this.#at[p] as number;
      const against = this.#rootsAgainst(node).reduce((sum, c) => sum + c.weight, 0);
      const unseen = (tree.members[node]?.length ?? 0) === 0 ? UNSEEN_ROOT : 0;
      this.score[p] = -run - against - unseen;
    }
  }

  /** Depth-first from node 0 (every tree is connected): parents and Euler ranges. */
  #walk(): void {
    const n = this.tree.neighbours.length;
    const next = new Int32Array(n);
    const stack = [0];
    let clock = 0;
    this.#tin[0] = clock;
    this.#at[clock++] = 0;
    while (stack.length > 0) {
      const x = stack[stack.length - 1] as number;
      const around = this.tree.neighbours[x] as number[];
      const k = next[x] as number;
      if (k < around.length) {
        next[x] = k + 1;
        const y = around[k] as number;
        if (y === this.#parent[x]) continue;
        this.#parent[y] = x;
        this.#tin[y] = clock;
        this.#at[clock++] = y;
        stack.push(y);
      } else {
        this.#tout[x] = clock - 1;
        stack.pop();
      }
    }
  }

  #contains(a: number, b: number): boolean {
    return (
      (this.#tin[a] as number) <= (this.#tin[b] as number) && (this.#tout[b] as number) <= (this.#tout[a] as number)
    );
  }

  /** The roots for which `v` is upstream of `u` (v ≠ u): v's side of the first edge on the path from v to u. */
  upstreamRoots(v: number, u: number): Side {
    if (this.#contains(v, u)) {
      const c = (this.tree.neighbours[v] as number[]).find(
        (y) => y !== this.#parent[v] && this.#contains(y, u),
      ) as number;
      return { lo: this.#tin[c] as number, hi: this.#tout[c] as number, inside: false };
    }
    return { lo: this.#tin[v] as number, hi: this.#tout[v] as number, inside: true };
  }

  /** The best root's score inside and outside a side. */
  #best(s: Side): { inside: number; outside: number; insideAt: number; outsideAt: number } {
    const out = { inside: -Infinity, outside: -Infinity, insideAt: -1, outsideAt: -1 };
    for (let p = 0; p < this.score.length; p++) {
      const v = this.score[p] as number;
      const inRange = p >= s.lo && p <= s.hi;
      if (inRange === s.inside) {
        if (v > out.inside) [out.inside, out.insideAt] = [v, p];
      } else if (v > out.outside) [out.outside, out.outsideAt] = [v, p];
    }
    return out;
  }

  /**
   * How sure it is that v is upstream of u: the logistic of how much better the best root that makes it so fares
   * than the best root that does not; with the latter root (a node) for the reasons.
   */
  upstream(v: number, u: number): { confidence: number; rival: number } {
    const b = this.#best(this.upstreamRoots(v, u));
    if (b.outsideAt < 0) return { confidence: 1, rival: -1 };
    return { confidence: logistic(b.inside - b.outside), rival: this.#at[b.outsideAt] as number };
  }

  /** Minus the weight of the clues a root goes against. */
  rootScore(node: number): number {
    return this.score[this.#tin[node] as number] as number;
  }

  /** The best root (a node), and how much better it fares than the next. */
  best(): { node: number; margin: number } {
    this.#top ??= this.#findBest();
    return this.#top;
  }

  #findBest(): { node: number; margin: number } {
    let first = 0;
    for (let p = 1; p < this.score.length; p++)
      if ((this.score[p] as number) > (this.score[first] as number)) first = p;
    let second = -Infinity;
    for (let p = 0; p < this.score.length; p++) if (p !== first) second = Math.max(second, this.score[p] as number);
    return { node: this.#at[first] as number, margin: (this.score[first] as number) - second };
  }

  /** The clues a root goes against, heaviest first. */
  contradicted(root: number): { weight: number; reasons: readonly string[] }[] {
    let out = this.#contradicted.get(root);
    if (!out) {
      const p = this.#tin[root] as number;
      const against: { weight: number; reasons: readonly string[] }[] = this.#exclusions.filter((_, i) => {
        const s = this.#sides[i] as Side;
        return (p >= s.lo && p <= s.hi) === s.inside;
      });
      out = [...against, ...this.#rootsAgainst(root)].sort((x, y) => y.weight - x.weight);
      this.#contradicted.set(root, out);
    }
    return out;
  }

  /** The root clues a root goes against. */
  #rootsAgainst(root: number): RootClue[] {
    return this.#roots.filter((c) => (c.node === root) !== c.original);
  }

  /** The node a text comes from under the best root: the next on its path there, or -1 for the root itself. */
  sourceOf(node: number): number {
    const path = this.path(node, this.best().node);
    return path.length > 1 ? (path[1] as number) : -1;
  }

  /** The nodes on the path from a to b, ends included. */
  path(a: number, b: number): number[] {
    const up = (x: number) => {
      const out = [x];
      while (this.#parent[out[out.length - 1] as number] !== -1)
        out.push(this.#parent[out[out.length - 1] as number] as number);
      return out;
    };
    const pa = up(a);
    const pb = up(b);
    const inB = new Set(pb);
    const meet = pa.findIndex((x) => inB.has(x));
    return [...pa.slice(0, meet + 1), ...pb.slice(0, pb.indexOf(pa[meet] as number)).reverse()];
  }
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
