// Copies the IPTC Media Topics that src/NewsDesk.Tagging/Data/topics.json uses (and their broader topics, up to
// the top level) from the full English vocabulary into src/NewsDesk.Tagging/Data/iptc-media-topics.json.
// IPTC Media Topics: CC BY 4.0, (c) IPTC - International Press Telecommunications Council, https://iptc.org
// Usage: node tools/iptc/extract.mjs path/to/iptc-media-topics.en.json
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = process.argv[2];
if (!source) {
  console.error('usage: node tools/iptc/extract.mjs path/to/iptc-media-topics.en.json');
  process.exit(2);
}

const full = JSON.parse(readFileSync(source, 'utf8'));
const byCode = new Map(full.topics.map((t) => [t.qcode, t]));
const topics = JSON.parse(readFileSync(path.join(root, 'src/NewsDesk.Tagging/Data/topics.json'), 'utf8')).topics;
const wanted = new Set();
for (const t of topics) {
  for (let code = t.iptc; code; code = byCode.get(code)?.broader?.[0]) {
    if (!byCode.has(code)) {
      console.error(`${t.slug}: ${code} is not an IPTC Media Topic`);
      process.exit(1);
    }
    wanted.add(code);
  }
}

const out = {
  source: full.source,
  licence: full.licence,
  topics: [...wanted].sort().map((code) => {
    const t = byCode.get(code);
    return { qcode: t.qcode, label: t.label, definition: t.definition, broader: t.broader };
  }),
};
const lines = ['{', `"source": ${JSON.stringify(out.source)},`, `"licence": ${JSON.stringify(out.licence)},`, '"topics": ['];
out.topics.forEach((t, i) => lines.push(JSON.stringify(t) + (i < out.topics.length - 1 ? ',' : '')));
lines.push(']', '}');
writeFileSync(path.join(root, 'src/NewsDesk.Tagging/Data/iptc-media-topics.json'), lines.join('\n') + '\n');
console.log(`${out.topics.length} IPTC Media Topics copied`);
