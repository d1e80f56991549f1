// `./dev bench`: runs bench/suite.mjs in headless Chromium (playwright-core, /usr/bin/chromium)
// and in Node, in one run, and prints the tables: operations per second per request shape,
// the ratio of signkit to the best JS library, the gzip sizes of signkit's entry points next
// to the libraries', and the budgets of the JS edge with this run's figures. The tables (with
// the machine and the date) are written to bench/results.md, a summary into npm/README.md
// between its `bench` markers.
//
//   node bench/run.mjs [--rounds N]
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem, type, release } from "node:os";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../tests/node/server.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 7;

async function inChromium() {
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage();
    page.on("console", (message) => console.error(`chromium: ${message.text()}`));
    await page.goto(`${server.url}/bench/page.html?rounds=${rounds}`);
    await page.waitForFunction(() => window.benchResult, null, { timeout: 15 * 60 * 1000, polling: 500 });
    const result = await page.evaluate(() => window.benchResult);
    if (result.error) throw new Error(`in Chromium: ${result.error}`);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

function inNode() {
  const run = spawnSync(process.execPath, [`${root}bench/node.mjs`], {
    env: { ...process.env, BENCH_ROUNDS: String(rounds) },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error("the Node benchmark failed");
  return JSON.parse(run.stdout);
}

const thousands = (ops) => (ops === null ? "" : `${Math.round(ops / 1000).toLocaleString("en-US")} k`);
const ratio = (value) => `${value.toFixed(2)}×`;
const geomean = (values) => Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);

/** One runtime's tables: ops/s per shape and the ratios of signkit to the best JS library. */
function tables(result) {
  const lines = [];
  for (const scheme of ["daoke", "ytx"]) {
    const rows = result.rows.filter((row) => row.scheme === scheme);
    const columns = result.shapes
      .map((label, index) => ({ label, index }))
      .filter(({ index }) => rows.some((row) => row.ops[index] !== null));
    const multi = columns.length > 1;
    lines.push(`| ${scheme === "daoke" ? "daoke sign (ops/s)" : "YTX sign (ops/s)"} | ${columns.map((c) => c.label).join(" | ")} |${multi ? " geometric mean |" : ""}`);
    lines.push(`|---|${columns.map(() => "---:").join("|")}|${multi ? "---:|" : ""}`);
    const cells = (ops) => columns.map(({ index }) => ops[index]);
    for (const row of rows) {
      const values = cells(row.ops);
      const name = row.signkit ? `**${row.name}**` : row.floor ? `*${row.name}*` : row.name;
      lines.push(`| ${name} | ${values.map(thousands).join(" | ")} |${multi ? ` ${thousands(geomean(values))} |` : ""}`);
    }
    const js = rows.filter((row) => !row.signkit && !row.floor);
    const best = columns.map(({ index }) => Math.max(...js.map((row) => row.ops[index])));
    for (const row of rows.filter((row) => row.signkit && !row.builder)) {
      const ratios = cells(row.ops).map((ops, column) => ops / best[column]);
      lines.push(`| ${row.name} ÷ best JS | ${ratios.map(ratio).join(" | ")} |${multi ? ` **${ratio(geomean(ratios))}** |` : ""}`);
    }
    lines.push("");
  }
  return lines;
}

/** gzip -9 (zlib) bytes of `files` (paths from the repository root). */
const gzip = (files) => files.reduce((sum, file) => sum + gzipSync(readFileSync(`${root}${file}`), { level: 9 }).length, 0);

const FULL = ["pkg/signkit_bg.wasm", "pkg/signkit.js"];
const SIGNER = ["pkg/signer/signkit_bg.wasm", "pkg/signer/signkit.js"];

/** gzip -9 sizes of what a page loads: signkit's entry points and the libraries. */
function sizes() {
  const entries = [
    ["signkit (full: signer, encoders, builders, validator, replies)", FULL],
    ["signkit/signer (daokeSign, ytxSign, body encoders)", SIGNER],
    ["js-sha1 0.7.0 (src/sha1.js, as shipped: not minified)", ["node_modules/js-sha1/src/sha1.js"]],
    ["blueimp-md5 2.19.0 (js/md5.min.js)", ["node_modules/blueimp-md5/js/md5.min.js"]],
    ["js-sha1 + blueimp-md5", ["node_modules/js-sha1/src/sha1.js", "node_modules/blueimp-md5/js/md5.min.js"]],
    ["crypto-js 4.2.0 (crypto-js.js, the whole library as usually pasted)", ["node_modules/crypto-js/crypto-js.js"]],
    ["crypto-js 4.2.0 (core + sha1 + md5 + enc-base64 only)", ["core", "sha1", "md5", "enc-base64"].map((m) => `node_modules/crypto-js/${m}.js`)],
    ["hash-wasm 4.13.0 (sha1 + md5 UMD bundles)", ["node_modules/hash-wasm/dist/sha1.umd.min.js", "node_modules/hash-wasm/dist/md5.umd.min.js"]],
  ];
  return [
    "| what a page loads | gzip -9 |",
    "|---|---:|",
    ...entries.map(([name, files]) => `| ${name.startsWith("signkit") ? `**${name}**` : name} | ${gzip(files).toLocaleString("en-US")} B |`),
  ];
}

/** Lines of every file under `dir` (from the repository root). */
function lines(dir) {
  const list = spawnSync("git", ["ls-files", dir], { cwd: root, encoding: "utf8" }).stdout.trim().split("\n");
  return list.reduce((sum, file) => sum + readFileSync(`${root}${file}`, "utf8").split("\n").length - 1, 0);
}

/**
 * The budgets of the JS edge (issue #11), on this run's figures: printed, never asserted.
 * The edge's lines before are those of commit 1abf933 (crate/src/wasm/ 4,064 + npm/ 1,255).
 */
function budgets(chromium) {
  const EDGE_BEFORE = 5319;
  const daoke = (name) => chromium.rows.find((row) => row.name === name).ops.filter((ops) => ops !== null);
  const signkit = daoke("signkit daokeSign");
  const jsSha1 = daoke("js-sha1");
  const speed = geomean(signkit.map((ops, index) => ops / jsSha1[index]));
  const edge = lines("crate/src/wasm") + lines("npm");
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  const row = (name, budget, figure, met) => `| ${name} | ${budget} | ${figure} | ${met ? "met" : "**missed**"} |`;
  const [signer, full] = [gzip(SIGNER), gzip(FULL)];
  return [
    "| budget | limit | this run | |",
    "|---|---:|---:|---|",
    row("signkit/signer, wasm + JS, gzip -9", "24 KB", kb(signer), signer <= 24000),
    row("signkit (full), wasm + JS, gzip -9", "175 KB", kb(full), full <= 175000),
    row(`daokeSign ÷ js-sha1 in ${chromium.runtime} (geometric mean of the daoke shapes)`, "≥ 0.70×", ratio(speed), speed >= 0.7),
    row(`lines of the edge (crate/src/wasm/, npm/), before: ${EDGE_BEFORE.toLocaleString("en-US")}`, (EDGE_BEFORE / 3).toFixed(0), edge.toLocaleString("en-US"), edge <= EDGE_BEFORE / 3),
  ];
}

/** The short version for npm/README.md: sizes, and signkit's speed against the JS libraries. */
function summary(chromium, node) {
  const speed = (result, name, library) => {
    const ops = (row) => result.rows.find((r) => r.name === row).ops.filter((value) => value !== null);
    const [own, theirs] = [ops(name), ops(library)];
    return ratio(geomean(own.map((value, index) => value / theirs[index])));
  };
  const row = (label, name, library) => `| ${label} | ${speed(chromium, name, library)} | ${speed(node, name, library)} |`;
  return [
    `Measured by \`./dev bench\` on ${date} (${machine}; median of ${rounds} rounds, ratios from one interleaved run).`,
    "",
    "| what a page loads, gzip -9 | bytes |",
    "|---|---:|",
    `| \`signkit\` (wasm + JS) | ${gzip(FULL).toLocaleString("en-US")} |`,
    `| \`signkit/signer\` (wasm + JS) | ${gzip(SIGNER).toLocaleString("en-US")} |`,
    "",
    `| speed of one call, signkit ÷ the JS library | ${chromium.runtime} | ${node.runtime} |`,
    "|---|---:|---:|",
    row("`daokeSign` ÷ js-sha1 (geometric mean of four request shapes)", "signkit daokeSign", "js-sha1"),
    row("`ytxSign` ÷ blueimp-md5", "signkit ytxSign", "blueimp-md5"),
  ];
}

const chromiumResult = await inChromium();
const nodeResult = inNode();
const cpu = cpus();
const machine = `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${type()} ${release()}`;
const date = new Date().toISOString().slice(0, 10);
const report = [
  `Measured by \`./dev bench\` on ${date}: ${machine}. Operations per second of one call, JS values in, the sign out (median of ${rounds} interleaved rounds; the shapes are spec vectors D03, D07, D10, D14 and Y01; every implementation is checked against all 47 vectors first).`,
  "",
  `**${chromiumResult.runtime}** (headless):`,
  "",
  ...tables(chromiumResult),
  `**${nodeResult.runtime}**:`,
  "",
  ...tables(nodeResult),
  "Sizes:",
  "",
  ...sizes(),
  "",
  "Budgets:",
  "",
  ...budgets(chromiumResult),
].join("\n");

console.log(report);
writeFileSync(`${root}bench/results.md`, `${report}\n`);
const readme = `${root}npm/README.md`;
const text = readFileSync(readme, "utf8");
const marked = /(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/;
if (marked.test(text)) {
  writeFileSync(readme, text.replace(marked, `$1${summary(chromiumResult, nodeResult).join("\n")}$2`));
  console.error("npm/README.md updated");
}
