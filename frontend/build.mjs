// Build the portal's front-end assets into static/dist/ (git-ignored).
//
//   npm run build
//
// 1. Compiles frontend/theme.scss (DKFDS Sass sources + the portal's theme) to
//    static/dist/portal.css: compressed, no source map, dependency warnings silenced.
// 2. Rewrites every @font-face so that `src` lists only woff2, then woff
//    (DKFDS's Regular face lists eot and woff before woff2, plus a ttf).
// 3. Copies only the files the final CSS references (fonts, icons used as
//    background images) from node_modules/dkfds/dist to static/dist/, at the paths
//    the CSS uses.
// 4. Copies dkfds.min.js and the SVG icon sprite.
//
// Idempotent: static/dist is rebuilt from scratch on every run. Any problem
// (Sass error, missing referenced file) stops the build with a non-zero exit code.
// Uses only the `sass` JS API and Node built-ins.

import { compile } from "sass";
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

// --- 2. @font-face: woff2 then woff only ----------------------------------------
let fontFaces = 0;
css = css.replace(/@font-face\{([^}]*)\}/g, (block, body) => {
  fontFaces += 1;
  const srcMatch = body.match(/(?:^|;)src:([^;]*)/);
  if (!srcMatch) return block; // e.g. local() only faces keep their src
  const urls = [...srcMatch[1].matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]);
  if (urls.length === 0) return block; // local() only: nothing to download
  const pick = (ext) => urls.find((u) => u.split("?")[0].endsWith(`.${ext}`));
  const woff2 = pick("woff2");
  const woff = pick("woff");
  if (!woff2 || !woff) fail(`@font-face without both woff2 and woff: ${block.slice(0, 160)}`);
  const src = `src:url("${woff2}") format("woff2"),url("${woff}") format("woff")`;
  const newBody = body.replace(/(^|;)src:[^;]*/, (_m, lead) => `${lead}${src}`);
  return `@font-face{${newBody}}`;
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
const leftover = [...referenced].filter((u) => /\.(eot|ttf|otf)$/.test(u));
if (leftover.length) fail(`the CSS still references legacy font formats: ${leftover.join(", ")}`);

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
    `${fontFiles} font files ${kb(fontBytes)}, ${otherFiles} images, ` +
    `dkfds.min.js ${kb(size(join(outDir, "dkfds.min.js")))}, ` +
    `icons.svg ${kb(size(join(outDir, "icons.svg")))} in ${seconds} s`,
);
