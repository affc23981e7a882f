// Builds src/NewsDesk.Reading/Regions/world-map.json from the npm world-atlas TopoJSON (Natural Earth, ISO numeric ids):
// country outlines projected (Equal Earth) and written as SVG path data, rounded to 0.1 px, so the server only has to
// shade and link them. Countries too small for the 1:110m outlines (Singapore, Bahrain, …) come from the 1:50m file
// as a single point. Run: cd tools/world-map && npm ci && npm run build
import { readFileSync, writeFileSync } from "node:fs";
import { geoEqualEarth, geoPath, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";

const load = (name) => JSON.parse(readFileSync(new URL(`node_modules/world-atlas/${name}`, import.meta.url)));
const small = feature(load("countries-110m.json"), load("countries-110m.json").objects.countries);
const medium = feature(load("countries-50m.json"), load("countries-50m.json").objects.countries);

// Antarctica takes a fifth of the height and carries no security news worth shading.
const keep = (f) => f.id !== "010" && f.properties.name !== "Antarctica";
const outlines = small.features.filter(keep);

const width = 960;
const projection = geoEqualEarth().fitWidth(width, { type: "FeatureCollection", features: outlines });
const bounds = geoPath(projection).bounds({ type: "FeatureCollection", features: outlines });
const height = Math.ceil(bounds[1][1]);
const path = geoPath(projection).digits(1);

const round = (n) => Math.round(n * 10) / 10;
const countries = outlines.map((f) => ({ id: f.id ?? null, name: f.properties.name, d: path(f) }));
const present = new Set(countries.map((c) => c.id).filter(Boolean));
const points = medium.features
  .filter((f) => keep(f) && f.id && !present.has(f.id))
  .map((f) => {
    const [x, y] = projection(geoCentroid(f));
    return { id: f.id, name: f.properties.name, x: round(x), y: round(y) };
  });

const out = new URL("../../src/NewsDesk.Reading/Regions/world-map.json", import.meta.url);
writeFileSync(out, JSON.stringify({ source: "world-atlas 2.0.2 (Natural Earth 4.1.0), Equal Earth projection", width, height, countries, points }) + "\n");
console.log(`${countries.length} outlines, ${points.length} points, ${width}x${height}`);
