// Micro precision, recall and F1 of `newsdesk tag` for countries, regions and topics against a labelled set,
// scored through the CLI exactly as outside scripts run it (`tag --json --jsonl DIR`).
// Usage: node tools/tagging-eval/evaluate.mjs [labelled.jsonl] [--min-score S] [--cli "command"]
//   default set: tests/NewsDesk.Tagging.Tests/Labelled/labelled.jsonl
//   default CLI: dotnet src/NewsDesk.Cli/bin/Release/net10.0/newsdesk.dll (build it first: dotnet build -c Release src/NewsDesk.Cli)
// Each line of the set: {"id", "text", "countries": ["JP"], "regions": ["eastern-asia"], "topics": ["cyber-security"]}.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const minScore = Number(option('--min-score', '0'));
const cli = option('--cli', `dotnet ${path.join(root, 'src/NewsDesk.Cli/bin/Release/net10.0/newsdesk.dll')}`);
const setFile = args[0] ?? path.join(root, 'tests/NewsDesk.Tagging.Tests/Labelled/labelled.jsonl');
const items = readFileSync(setFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

const dir = mkdtempSync(path.join(tmpdir(), 'tagging-eval-'));
try {
  for (const item of items) {
    writeFileSync(path.join(dir, `${item.id}.txt`), item.text);
  }

  const output = execSync(`${cli} tag --json --jsonl ${JSON.stringify(dir)}`, { maxBuffer: 1 << 28, encoding: 'utf8' });
  const results = new Map(output.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).map((r) => [r.file.replace(/\.txt$/, ''), r]));
  const fields = { countries: (x) => x.code, regions: (x) => x.slug, topics: (x) => x.slug };
  const totals = {};
  const misses = [];
  for (const [field, key] of Object.entries(fields)) {
    const t = (totals[field] = { tp: 0, fp: 0, fn: 0 });
    for (const item of items) {
      const result = results.get(item.id);
      if (!result || result.error) {
        throw new Error(`no result for ${item.id}: ${result?.error}`);
      }

      const found = new Set(result[field].filter((x) => x.score >= minScore).map(key));
      const expected = new Set(item[field]);
      for (const f of found) {
        if (expected.has(f)) t.tp++;
        else { t.fp++; misses.push(`${item.id}: ${field} +${f}`); }
      }
      for (const e of expected) {
        if (!found.has(e)) { t.fn++; misses.push(`${item.id}: ${field} -${e}`); }
      }
    }
  }

  const pct = (x) => (100 * x).toFixed(1);
  console.log(`${items.length} texts, results with score >= ${minScore}\n`);
  console.log('| | precision | recall | F1 | TP | FP | FN |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [field, t] of Object.entries(totals)) {
    const p = t.tp / (t.tp + t.fp || 1);
    const r = t.tp / (t.tp + t.fn || 1);
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    console.log(`| ${field} | ${pct(p)}% | ${pct(r)}% | ${pct(f1)}% | ${t.tp} | ${t.fp} | ${t.fn} |`);
  }
  if (process.env.VERBOSE) {
    console.log('\n' + misses.join('\n'));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
