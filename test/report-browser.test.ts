import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { cli, ROOT, SEEDS, tempDir } from './helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

test('story reports in a real browser', {
  skip: CHROMIUM ? false : 'no Chromium at /usr/bin/chromium (apt-get install chromium)',
}, async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'report');
  const run = cli(['--db', join(dir, 'st.db'), 'run', SEEDS, '--out', out, '-q']);
  assert.equal(run.code, 0, run.stderr);
  const browser = await chromium.launch({ executablePath: CHROMIUM as string, args: ['--no-sandbox'] });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // A page must not reach the network when viewed: any request other than the file itself is a failure.
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) errors.push(`network request: ${r.url()}`);
  });

  await t.test('should list every story on the index page, each linking to its page', async () => {
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    const links = await page.locator('a[href$=".html"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const pages = readdirSync(out).filter((f) => f.endsWith('.html') && f !== 'index.html');
    assert.deepEqual([...links].sort(), pages.sort());
    assert.deepEqual(errors, []);
  });

  await t.test("should render every section of the seeds' story with no console error", async () => {
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.locator('a[href$=".html"]').first().click();
    for (const id of ['summary', 'timeline', 'facts', 'quotes', 'sources', 'articles']) {
      const section = page.locator(`section#${id}`);
      assert.equal(await section.count(), 1, id);
      assert.ok(await section.isVisible(), id);
      assert.ok(((await section.textContent()) ?? '').trim().length > 20, `${id} has content`);
    }
    assert.match((await page.locator('section#quotes').textContent()) ?? '', /KCNA/);
    // Every in-page link lands on an element.
    // A string, evaluated in the page: the test's own TypeScript has no DOM types.
    const missing = await page.evaluate(
      `[...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href').slice(1)).filter((id) => id && !document.getElementById(id))`,
    );
    assert.deepEqual(missing, []);
    assert.deepEqual(errors, []);
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: false });
    if (process.env.UPDATE_DOCS === '1') copyFileSync(shot, join(ROOT, 'docs', 'report.png'));
  });

  await t.test('should show markup in article text as text, never run it', async (t) => {
    const dir2 = tempDir(t);
    const file = join(dir2, 'x.jsonl');
    const evil =
      'The mayor wrote <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> in a post.';
    const body = [
      evil,
      'The harbour of Port Aldrin reopened on Monday after repairs to the pier were finished by the city.',
      'Officials said the ferry to Merrow Island would run again from Tuesday, the operator Valdoria Lines said.',
    ].join('\n\n');
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'x1', title: 'Harbour <b>reopens</b>', text: body, url: 'https://a.example/1' })}\n`,
    );
    const r = cli(['--db', join(dir2, 'st.db'), 'run', file, '--out', join(dir2, 'out'), '-q']);
    assert.equal(r.code, 0, r.stderr);
    const story = readdirSync(join(dir2, 'out')).find((f) => f.endsWith('.html') && f !== 'index.html') as string;
    const p = await browser.newPage();
    await p.goto(pathToFileURL(join(dir2, 'out', story)).href);
    assert.equal(await p.evaluate('window.__pwned'), undefined);
    assert.equal(await p.locator('script').count(), 0);
    assert.match((await p.locator('body').textContent()) ?? '', /<script>window.__pwned = 1<\/script>/);
    assert.match((await p.locator('body').textContent()) ?? '', /onerror=/);
    await p.close();
  });
});
