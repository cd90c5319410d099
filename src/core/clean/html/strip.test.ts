import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripInert } from './strip.js';

test('stripInert(html)', async (t) => {
  await t.test('should cut scripts, styles, comments, icons and navigation but keep JSON-LD and text', () => {
    const html =
      '<head><script>var a = "<p>x</p>";</script><script type="application/ld+json">{"a":1}</script>' +
      '<STYLE>p{}</STYLE></head><body><!-- note --><nav><a href="/">Home</a></nav><p>Text <svg><path/></svg>stays' +
      '<svg class="i"/>.</p><aside>Promo</aside><nav-bar>custom element</nav-bar></body>';
    assert.equal(
      stripInert(html),
      '<head><script type="application/ld+json">{"a":1}</script></head><body><p>Text stays.</p>' +
        '<nav-bar>custom element</nav-bar></body>',
    );
  });
  await t.test('should drop an element left open to the end of the page, as a browser reads it', () => {
    assert.equal(stripInert('<p>Before</p><script>never closed <p>x</p>'), '<p>Before</p>');
    assert.equal(stripInert('<p>A</p><!-- open'), '<p>A</p>');
  });
  await t.test('should stay linear on many unclosed openings', () => {
    const started = performance.now();
    stripInert('<p>x</p>'.repeat(10) + '<style>'.repeat(200_000));
    assert.ok(performance.now() - started < 2000);
  });
});
