// Rebuilds the two generated files of the demo corpus:
//   examples/archive/crawl.warc.gz           (from examples/.sources/*.html)
//   examples/pages/echo-valdorie-enquete.html (ISO-8859-1 bytes, text below)
// Run from the repository root:  node examples/build-warc.mjs
// Output is deterministic: fixed record ids and dates, so rebuilding gives the same records.
// All events, people, places, agencies and outlets in these files are invented.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WARCRecord, WARCSerializer } from 'warcio';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------
// 1. WARC file (Common Crawl News style: warcinfo, then request + response per page)
// ---------------------------------------------------------------------------
const WARC_FILE = 'crawl.warc.gz';
const pages = [
  {
    src: 'northbank-courier-ferry.html',
    url: 'https://www.northbankcourier.example/world/2031/03/03/ferry-collides-with-cargo-ship-in-fog-port-aldrin',
    date: '2031-03-03T12:04:11Z',
    lastModified: 'Mon, 03 Mar 2031 09:31:00 GMT',
    requestId: '<urn:uuid:5e0c1d7a-3b52-4f0e-9a61-0a1f2c3d4e01>',
    responseId: '<urn:uuid:5e0c1d7a-3b52-4f0e-9a61-0a1f2c3d4e02>',
    ip: '192.0.2.41',
  },
  {
    src: 'valdor-city-post-tram.html',
    url: 'https://www.valdorcitypost.example/city/2031/03/04/council-approves-hollin-tram-line',
    date: '2031-03-04T16:20:37Z',
    lastModified: 'Tue, 04 Mar 2031 14:48:00 GMT',
    requestId: '<urn:uuid:5e0c1d7a-3b52-4f0e-9a61-0a1f2c3d4e03>',
    responseId: '<urn:uuid:5e0c1d7a-3b52-4f0e-9a61-0a1f2c3d4e04>',
    ip: '192.0.2.77',
  },
];

function httpDate(iso) {
  return new Date(iso).toUTCString();
}

async function* once(bytes) {
  yield bytes;
}

async function serialize(record) {
  return WARCSerializer.serialize(record, { gzip: true, preferPako: true });
}

async function buildWarc() {
  const chunks = [];
  const info = WARCRecord.createWARCInfo(
    {
      filename: WARC_FILE,
      date: '2031-03-03T12:00:00Z',
      warcVersion: 'WARC/1.1',
      warcHeaders: { 'WARC-Record-ID': '<urn:uuid:5e0c1d7a-3b52-4f0e-9a61-0a1f2c3d4e00>' },
    },
    {
      software: 'storytrace examples/build-warc.mjs (warcio)',
      format: 'WARC File Format 1.1',
      conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      isPartOf: 'STORYTRACE-EXAMPLE-NEWS-2031-03',
      description: 'Invented demo crawl for storytrace. All outlets, people and events are fictional.',
      robots: 'checked',
      'http-header-user-agent': 'ExampleNewsBot/1.0 (+https://storytrace.example/bot)',
    },
  );
  chunks.push(await serialize(info));

  for (const p of pages) {
    const html = fs.readFileSync(path.join(here, '.sources', p.src));
    const u = new URL(p.url);
    const request = WARCRecord.create(
      {
        url: p.url,
        date: p.date,
        type: 'request',
        warcVersion: 'WARC/1.1',
        statusline: `GET ${u.pathname}${u.search} HTTP/1.1`,
        warcHeaders: {
          'WARC-Record-ID': p.requestId,
          'WARC-Concurrent-To': p.responseId,
          'WARC-IP-Address': p.ip,
        },
        httpHeaders: {
          Host: u.host,
          'User-Agent': 'ExampleNewsBot/1.0 (+https://storytrace.example/bot)',
          Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          'Accept-Language': 'en-US,en;q=0.5',
          Connection: 'close',
        },
      },
      once(new Uint8Array(0)),
    );
    chunks.push(await serialize(request));

    const response = WARCRecord.create(
      {
        url: p.url,
        date: p.date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: 'HTTP/1.1 200 OK',
        warcHeaders: {
          'WARC-Record-ID': p.responseId,
          'WARC-Concurrent-To': p.requestId,
          'WARC-IP-Address': p.ip,
          'WARC-Identified-Payload-Type': 'text/html',
        },
        httpHeaders: {
          Date: httpDate(p.date),
          Server: 'nginx',
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': String(html.length),
          'Last-Modified': p.lastModified,
          'Cache-Control': 'max-age=300',
          Connection: 'close',
        },
      },
      once(new Uint8Array(html)),
    );
    chunks.push(await serialize(response));
  }

  const out = path.join(here, 'archive', WARC_FILE);
  fs.writeFileSync(out, Buffer.concat(chunks.map((c) => Buffer.from(c))));
  return out;
}

// ---------------------------------------------------------------------------
// 2. Legacy-charset page: short French follow-up, saved as ISO-8859-1 bytes.
//    Only characters U+0000..U+00FF may appear (no curly apostrophes, no oe ligature).
// ---------------------------------------------------------------------------
const LATIN1_PAGE = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="iso-8859-1">
<title>Collision de Port Aldrin : le Bureau de la sécurité maritime ouvre une enquête - L'Écho de Valdorie</title>
<link rel="canonical" href="https://www.echo-valdorie.example/faits-divers/2031/03/04/port-aldrin-enquete-collision">
<meta property="og:type" content="article">
<meta property="og:title" content="Collision de Port Aldrin : le Bureau de la sécurité maritime ouvre une enquête">
<meta property="og:url" content="https://www.echo-valdorie.example/faits-divers/2031/03/04/port-aldrin-enquete-collision">
<meta property="og:site_name" content="L'Écho de Valdorie">
<meta property="article:published_time" content="2031-03-04T18:10:00+01:00">
</head>
<body>
<div id="entete"><a href="/">L'Écho de Valdorie</a> - le quotidien de la côte ouest</div>
<ul id="menu">
<li><a href="/">Accueil</a></li>
<li><a href="/region/">Région</a></li>
<li><a href="/faits-divers/">Faits divers</a></li>
<li><a href="/economie/">Économie</a></li>
<li><a href="/sports/">Sports</a></li>
</ul>
<article>
<h1>Collision de Port Aldrin : le Bureau de la sécurité maritime ouvre une enquête</h1>
<p class="signature">Par Hugo Bernardin - <time datetime="2031-03-04T18:10:00+01:00">mardi 4 mars 2031 à 18 h 10</time></p>
<p>Le Bureau valdorien de la sécurité maritime a officiellement ouvert mardi une enquête sur la collision survenue lundi matin entre le ferry Silver Tern et le porte-conteneurs Kestrel Star, à l'entrée du port de Port Aldrin. Trois enquêteurs ont commencé à examiner les enregistrements radar des deux navires ; leurs premières conclusions sont attendues d'ici à la fin du mois d'avril. « Nous voulons comprendre chaque décision prise sur les deux passerelles, minute par minute », a déclaré Hélène Varga, directrice du Bureau.</p>
<p>L'entrée du port a rouvert mardi à 14 heures, après l'inspection des coques par des plongeurs de la Garde côtière. Sur les 37 blessés, deux étaient encore hospitalisés mardi soir à l'hôpital général Saint-Oriel, où leur état n'inspire plus d'inquiétude. La compagnie Aldrin Bay Ferries, qui a reçu mardi le feu vert des autorités, prévoit de reprendre jeudi les traversées vers l'île de Tarnby à bord de son second navire, le Grey Heron ; le Silver Tern, lui, restera à quai pendant au moins six semaines.</p>
</article>
<div id="pied">© 2031 L'Écho de Valdorie - Tous droits réservés - <a href="/mentions-legales/">Mentions légales</a></div>
</body>
</html>
`;

function buildLatin1Page() {
  for (const ch of LATIN1_PAGE) {
    if (ch.codePointAt(0) > 0xff) throw new Error(`character outside ISO-8859-1: ${JSON.stringify(ch)}`);
  }
  const out = path.join(here, 'pages', 'echo-valdorie-enquete.html');
  fs.writeFileSync(out, Buffer.from(LATIN1_PAGE, 'latin1'));
  return out;
}

const warcPath = await buildWarc();
const latin1Path = buildLatin1Page();
console.log(`wrote ${path.relative(process.cwd(), warcPath)} and ${path.relative(process.cwd(), latin1Path)}`);
