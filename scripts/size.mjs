#!/usr/bin/env node
// Prints the raw, gzip and brotli size of every file in dist/ and the total,
// and fails when the total gzip size exceeds the budget in size-budget.txt.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "dist");
const budget = Number(readFileSync(join(root, "size-budget.txt"), "utf8").trim());

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`.padStart(10);
const total = { raw: 0, gzip: 0, brotli: 0 };
console.log(`${"file".padEnd(46)}${"raw".padStart(10)}${"gzip".padStart(10)}${"brotli".padStart(10)}`);
for (const path of files(dist).sort()) {
  const data = readFileSync(path);
  const size = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const key of Object.keys(total)) total[key] += size[key];
  console.log(`${relative(dist, path).padEnd(46)}${kb(size.raw)}${kb(size.gzip)}${kb(size.brotli)}`);
}
console.log(`${"total".padEnd(46)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
console.log(`budget for the gzip total: ${kb(budget).trim()} (size-budget.txt)`);
if (total.gzip > budget) {
  console.error(`dist/ is ${total.gzip} bytes gzip, over the budget of ${budget} bytes`);
  process.exit(1);
}
