#!/usr/bin/env node
// Entry point: runs the compiled CLI (apps/cli/dist, written by `npm run build`, which `npm ci` runs through the
// `prepare` script). Stack traces point into the TypeScript sources through the source maps.
import { existsSync } from 'node:fs';

process.setSourceMapsEnabled(true);

// A reader that stops early (`metrocoop data export … | head`) closes the pipe: that is the end of the output, not
// an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const compiled = new URL('../dist/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('metrocoop: the compiled CLI is missing (apps/cli/dist); run `npm ci` or `npm run build` first.\n');
  process.stderr.write('metrocoop：缺少编译后的命令行程序（apps/cli/dist）；请先运行 `npm ci` 或 `npm run build`。\n');
  process.exit(1);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
