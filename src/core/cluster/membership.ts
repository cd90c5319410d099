/**
 * @module Which articles each story holds, kept from the clusterer's assignments: the clusterer itself forgets frozen
 * stories, so whoever needs the whole partition (the engine, benchmarks) folds each assignment into a map.
 */

import type { Assignment } from './types.js';

/**
 * Folds one article's assignment into `members` (story id → article ids, in arrival order): stories merged into the
 * article's story bring their articles, the article joins, and a story split off another takes its articles with it.
 * Every article whose story changed is passed to `moved` (the article itself included).
 */
export function applyAssignment(
  members: Map<string, string[]>,
  article: string,
  assignment: Assignment,
  moved?: (article: string, story: string) => void,
): void {
  const into = members.get(assignment.story) ?? [];
  // Every story named as merged ends in the article's story, whatever order the clusterer folded them in.
  for (const gone of assignment.merged) {
    for (const id of members.get(gone) ?? []) {
      into.push(id);
      moved?.(id, assignment.story);
    }
    members.delete(gone);
  }
  into.push(article);
  moved?.(article, assignment.story);
  members.set(assignment.story, into);
  for (const split of assignment.split ?? []) {
    const leaving = new Set(split.articles);
    members.set(
      split.from,
      (members.get(split.from) ?? []).filter((id) => !leaving.has(id)),
    );
    members.set(split.story, [...split.articles]);
    if (moved) for (const id of split.articles) moved(id, split.story);
  }
}
