import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFormat, extensionOf, stripExtension } from './detect.js';

const bytes = (s: string) => new TextEncoder().encode(s);

test('detectFormat(name, head, mediaType?)', async (t) => {
  await t.test('should trust a known extension', () => {
    assert.equal(detectFormat('a/b.txt', bytes('<html>looks like html</html>')), 'text');
    assert.equal(detectFormat('x.htm', bytes('plain')), 'html');
    assert.equal(detectFormat('x.ndjson', bytes('{}')), 'jsonl');
    assert.equal(detectFormat('feed.atom', bytes('<feed/>')), 'feed');
    assert.equal(detectFormat('crawl.warc', bytes('WARC/1.0')), 'warc');
  });
  await t.test('should see gzip by its magic bytes whatever the name says', () => {
    assert.equal(detectFormat('a.txt', new Uint8Array([0x1f, 0x8b, 8, 0])), 'gzip');
  });
  await t.test('should sniff content when the name says nothing', () => {
    assert.equal(detectFormat('<stdin>', bytes('WARC/1.1\r\nWARC-Type: warcinfo')), 'warc');
    assert.equal(detectFormat('-', bytes('\n  {"text":"a"}\n')), 'jsonl');
    assert.equal(detectFormat('page', bytes('<!DOCTYPE html><html>')), 'html');
    assert.equal(detectFormat('page', bytes('\uFEFF<?xml version="1.0"?>\n<rss version="2.0">')), 'feed');
    assert.equal(
      detectFormat('page', bytes('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')),
      'feed',
    );
    assert.equal(detectFormat('page', bytes('<div><p>fragment</p></div>')), 'html');
    assert.equal(detectFormat('notes', bytes('Just some words.')), 'text');
  });
  await t.test('should use the media type of a URL with no extension, but not a vague text/plain', () => {
    assert.equal(detectFormat('/news/story', bytes('whatever'), 'application/rss+xml; charset=utf-8'), 'feed');
    assert.equal(detectFormat('/news/story', bytes('<!doctype html>'), 'text/plain'), 'html');
  });
});

test('extensionOf and stripExtension', async (t) => {
  await t.test('should ignore query strings and fragments', () => {
    assert.equal(extensionOf('https://x.org/feed.xml?page=2#top'), 'xml');
    assert.equal(extensionOf('dir.v2/file'), '');
  });
  await t.test('should peel one extension so a gzip reveals its inner format', () => {
    assert.equal(stripExtension('a/b.warc.gz'), 'a/b.warc');
    assert.equal(stripExtension('a.b/c'), 'a.b/c');
  });
});
