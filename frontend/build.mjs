// Build the portal's front-end assets into static/dist/ (git-ignored).
//
//   npm run build
//
// 1. Compiles frontend/theme.scss (DKFDS Sass sources + the portal's theme) to
//    static/dist/portal.css: compressed, no source map, dependency warnings silenced.
// 2. Rewrites every @font-face into one face per script subset of IBM Plex Sans
//    (DKFDS ships them in fonts/IBMPlexSans/split/): woff2 only, each with the
//    `unicode-range` of the characters its file holds (read from the cmap of the
//    subset's woff twin), so a Danish page downloads only the Latin-1 subset of the
//    weights it uses (about 17 KB each instead of 57 KB for the complete font).
// 3. Copies only the files the final CSS references (fonts, icons used as
//    background images) from node_modules/dkfds/dist to static/dist/, at the paths
//    the CSS uses.
// 4. Copies dkfds.min.js and the SVG icon sprite.
//
// Idempotent: static/dist is rebuilt from scratch on every run. Any problem
// (Sass error, missing referenced file) stops the build with a non-zero exit code.
// Uses only the `sass` JS API and Node built-ins.

import { compile } from "sass";
import { inflateSync } from "node:zlib";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const started = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dkfds = join(root, "node_modules", "dkfds");
const dkfdsDist = join(dkfds, "dist");
const outDir = join(root, "static", "dist");
const entry = join(root, "frontend", "theme.scss");

// Where the URLs in the CSS (relative to static/dist/) come from.
// "fonts/…" is $font-path, "img/…" is $image-path / $icons-folder-path.
const urlSources = [
  { prefix: "fonts/", from: join(dkfdsDist, "fonts", "IBMPlexSans") },
  { prefix: "img/", from: join(dkfdsDist, "img") },
];

function fail(message) {
  console.error(`frontend build failed: ${message}`);
  process.exit(1);
}

function need(path) {
  if (!existsSync(path)) fail(`missing ${relative(root, path)} (run "npm ci")`);
  return path;
}

need(dkfds);
need(entry);

// --- 1. Sass -----------------------------------------------------------------
let css;
try {
  css = compile(entry, {
    style: "compressed",
    sourceMap: false,
    quietDeps: true,
    charset: true,
    // DKFDS is loaded through the load path, so quietDeps silences its deprecation warnings.
    loadPaths: [join(root, "node_modules")],
  }).css;
} catch (error) {
  fail(error.message ?? String(error));
}

// --- 2. @font-face: one face per subset, woff2 only, with its unicode-range -------------
const splitDir = join(dkfdsDist, "fonts", "IBMPlexSans", "split");
// In this order: a character in two subsets belongs to the first (so that, for example,
// the space of every subset does not make a Danish page download the Greek one).
const SUBSETS = ["Latin1", "Latin2", "Latin3", "Pi", "Greek", "Cyrillic"];

function woffTable(buffer, wanted) {
  // WOFF 1.0: a 44-byte header, then 20-byte table entries (tag, offset, compLength,
  // origLength, checksum); a table is zlib-compressed when compLength < origLength.
  if (buffer.toString("latin1", 0, 4) !== "wOFF") fail("not a WOFF file");
  const tables = buffer.readUInt16BE(12);
  for (let i = 0; i < tables; i += 1) {
    const entry = 44 + i * 20;
    if (buffer.toString("latin1", entry, entry + 4) !== wanted) continue;
    const offset = buffer.readUInt32BE(entry + 4);
    const compressed = buffer.readUInt32BE(entry + 8);
    const original = buffer.readUInt32BE(entry + 12);
    const data = buffer.subarray(offset, offset + compressed);
    return compressed < original ? inflateSync(data) : data;
  }
  fail(`no ${wanted} table`);
}

function codePoints(woffPath) {
  // The characters a font maps to a glyph: its cmap's Unicode subtable (format 12 or 4).
  const cmap = woffTable(readFileSync(woffPath), "cmap");
  const records = [];
  for (let i = 0; i < cmap.readUInt16BE(2); i += 1) {
    const record = 4 + i * 8;
    const platform = cmap.readUInt16BE(record);
    const encoding = cmap.readUInt16BE(record + 2);
    const offset = cmap.readUInt32BE(record + 4);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
      records.push({ offset, format: cmap.readUInt16BE(offset) });
    }
  }
  const found = new Set();
  const twelve = records.find((r) => r.format === 12);
  const four = records.find((r) => r.format === 4);
  if (twelve) {
    const groups = cmap.readUInt32BE(twelve.offset + 12);
    for (let g = 0; g < groups; g += 1) {
      const at = twelve.offset + 16 + g * 12;
      for (let c = cmap.readUInt32BE(at); c <= cmap.readUInt32BE(at + 4); c += 1) found.add(c);
    }
  } else if (four) {
    const base = four.offset;
    const segments = cmap.readUInt16BE(base + 6) / 2;
    const ends = base + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let i = 0; i < segments; i += 1) {
      const end = cmap.readUInt16BE(ends + i * 2);
      const first = cmap.readUInt16BE(starts + i * 2);
      const delta = cmap.readInt16BE(deltas + i * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + i * 2);
      for (let c = first; c <= end && c !== 0xffff; c += 1) {
        let glyph;
        if (rangeOffset === 0) {
          glyph = (c + delta) & 0xffff;
        } else {
          glyph = cmap.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (c - first) * 2);
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) found.add(c);
      }
    }
  } else {
    fail(`${relative(root, woffPath)} has no Unicode cmap`);
  }
  return found;
}

function unicodeRange(points) {
  const sorted = [...points].sort((a, b) => a - b);
  const parts = [];
  const hex = (n) => n.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    parts.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(",");
}

function subsetRanges(face) {
  const seen = new Set();
  return SUBSETS.map((subset) => {
    const woff = need(join(splitDir, "woff", `IBMPlexSans-${face}-${subset}.woff`));
    need(join(splitDir, "woff2", `IBMPlexSans-${face}-${subset}.woff2`));
    const own = [...codePoints(woff)].filter((c) => !seen.has(c));
    own.forEach((c) => seen.add(c));
    return { subset, range: unicodeRange(own) };
  }).filter((s) => s.range);
}

let fontFaces = 0;
css = css.replace(/@font-face\{([^}]*)\}/g, (block, body) => {
  if (!/url\(/.test(body)) return block; // local() only (DKFDS's "system"): nothing to fetch
  const face = body.match(/IBMPlexSans-([A-Za-z]+)\.woff2/);
  if (!face) fail(`@font-face without an IBM Plex Sans woff2: ${block.slice(0, 160)}`);
  fontFaces += 1;
  return subsetRanges(face[1])
    .map(({ subset, range }) => {
      const src = `src:url("fonts/split/woff2/IBMPlexSans-${face[1]}-${subset}.woff2") format("woff2")`;
      const newBody = body.replace(/(^|;)src:[^;]*/, (_m, lead) => `${lead}${src}`);
      return `@font-face{${newBody};unicode-range:${range}}`;
    })
    .join("");
});
if (fontFaces === 0) fail("no @font-face rules in the compiled CSS");

// --- 3. Copy exactly what the CSS references -----------------------------------------
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const referenced = new Set();
for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
  const url = m[1];
  if (/^(data:|https?:|\/\/|#)/.test(url)) continue;
  referenced.add(url.split(/[?#]/)[0]);
}

let fontBytes = 0;
let fontFiles = 0;
let otherFiles = 0;
for (const url of [...referenced].sort()) {
  const source = urlSources.find((s) => url.startsWith(s.prefix));
  if (!source) fail(`the CSS references ${url}, which has no known source folder`);
  const from = join(source.from, ...url.slice(source.prefix.length).split("/"));
  const to = join(outDir, ...url.split("/"));
  if (!from.startsWith(source.from + sep)) fail(`refusing to copy outside the package: ${url}`);
  if (!existsSync(from)) fail(`the CSS references ${url}, but ${relative(root, from)} does not exist`);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  if (/\.(woff2?|ttf|eot|otf)$/.test(url)) {
    fontFiles += 1;
    fontBytes += statSync(to).size;
  } else {
    otherFiles += 1;
  }
}
const leftover = [...referenced].filter((u) => /\.(eot|ttf|otf|woff)$/.test(u));
if (leftover.length) fail(`the CSS still references other font formats: ${leftover.join(", ")}`);

const cssPath = join(outDir, "portal.css");
writeFileSync(cssPath, css);

// --- 4. JavaScript and the icon sprite -----------------------------------------------
// The source map is not shipped, so its reference goes too (collectstatic's manifest
// storage would otherwise look for the missing .map file).
const js = readFileSync(need(join(dkfdsDist, "js", "dkfds.min.js")), "utf8");
writeFileSync(join(outDir, "dkfds.min.js"), js.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n"));
copyFileSync(need(join(dkfdsDist, "img", "all-svg-icons.svg")), join(outDir, "icons.svg"));

// --- Summary ---------------------------------------------------------------------
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const size = (path) => statSync(path).size;
const hash = createHash("sha256").update(css).digest("hex").slice(0, 8);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `static/dist: portal.css ${kb(size(cssPath))} (${hash}), ` +
    `${fontFaces} font faces in ${fontFiles} woff2 subsets ${kb(fontBytes)}, ${otherFiles} images, ` +
    `dkfds.min.js ${kb(size(join(outDir, "dkfds.min.js")))}, ` +
    `icons.svg ${kb(size(join(outDir, "icons.svg")))} in ${seconds} s`,
);
