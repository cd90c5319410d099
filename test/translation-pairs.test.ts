/**
 * Translations on the labelled set of human translations (bench/translation/pairs.jsonl, bench/reuse/translation.ts).
 * Floors sit below what was measured (relate(): 48/48 translated pairs typed `translated`, none falsely; the index:
 * 21/48, bounded by LSH candidates; the whole pipeline, where stories bring the rest together: 38/48), so that they
 * fail when detection breaks, not when it wavers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTranslationSet, pipelineRoute, runTranslationBench } from '../bench/reuse/translation.js';

const r = runTranslationBench();

test('relate() types most human translations (en–fr, en–de, fr–de) translated', () => {
  assert.ok(r.direct.translatedRecall >= 0.9, `recall ${r.direct.translatedRecall}`);
  for (const [langs, l] of Object.entries(r.translatedByLanguages))
    assert.ok(l.directTranslated >= 0.8 * l.pairs, `${langs}: ${l.directTranslated}/${l.pairs}`);
});

test('nothing but a translation is typed translated, directly or through the index', () => {
  assert.equal(r.direct.falseTranslated, 0);
  assert.equal(r.index.falseTranslated, 0);
  for (const label of ['report-same-language', 'report-cross-language', 'other-event', 'unrelated'] as const) {
    assert.equal(r.byLabel[label].directTypes.translated ?? 0, 0, label);
    assert.equal(r.byLabel[label].indexTypes.translated ?? 0, 0, label);
  }
});

test('the index types translated every translation its LSH makes a candidate', () => {
  assert.ok(r.index.translatedRecall >= 0.35, `index recall ${r.index.translatedRecall}`);
  assert.equal(r.byLabel.translated.indexTypes.translated, r.byLabel.translated.candidates);
});

test('the pipeline finds translations the LSH misses once their story forms, and types nothing else translated', async () => {
  const p = await pipelineRoute(loadTranslationSet());
  assert.ok(p.translatedRecall >= 0.7, `pipeline recall ${p.translatedRecall}`);
  assert.equal(p.falseTranslated, 0);
});
