#!/usr/bin/env node
// Entry point: runs the TypeScript sources through tsx, so `npx metrocoop` works right after `npm ci`.
import { register } from 'tsx/esm/api';

// A reader that stops early (`metrocoop data export … | head`) closes the pipe: that is the end of the output, not
// an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
