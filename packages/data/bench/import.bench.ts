/**
 * Import benchmark: generate N canonical observation rows (seeded, streamed to a CSV on disk), then import them
 * into a store file through DuckDB's CSV reader with every validation rule; print rows/s, the time of each phase,
 * and memory: RSS and the JS heap sampled every 50 ms, and the process's maxRSS (the import runs with its default
 * DuckDB memory limit, 1 GB). Each size runs in a fresh process so maxRSS is its own.
 *   npm run bench -- import            (1 M and 10 M rows)
 *   BENCH_IMPORT_SIZES=100000 npm run bench -- import
 *   BENCH_IMPORT_MEMORY=4GB npm run bench -- import      (the import's DuckDB memory limit; default 1GB)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '@metrocoop/core';
import { printHeader } from '../../../bench/harness.ts';
import { importFile } from '../src/import/import.ts';
import { Store } from '../src/store/store.ts';

const sections = 'ABCDEFGHIJKLMNOPQRS'.split('');

/** Unique keys: regions × years × sections × sources; values seeded. Streams 4 MB blocks. */
function generate(path: string, rows: number, regions: readonly string[]): void {
  const fd = openSync(path, 'w');
  const random = mulberry32(20261128);
  let buffer = 'region,year,indicator,industry,classification,value,unit,source\n';
  const years = 20;
  const perSource = regions.length * years * sections.length;
  for (let k = 0; k < rows; k++) {
    const source = Math.floor(k / perSource);
    const rest = k % perSource;
    const region = regions[Math.floor(rest / (years * sections.length))] as string;
    const year = 2000 + (Math.floor(rest / sections.length) % years);
    const section = sections[rest % sections.length] as string;
    buffer += `${region},${year},employment_urban_units,${section},GBT4754-2017,${(random() * 100).toFixed(2)},万人,bench-${source}\n`;
    if (buffer.length > 4 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}

async function runOne(rows: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'metrocoop-bench-import-'));
  try {
    const regions = Array.from({ length: 500 }, (_, k) => `CN-${String(100000 + k * 100)}`);
    const csv = join(dir, 'rows.csv');
    let t = performance.now();
    generate(csv, rows, regions);
    const genMs = performance.now() - t;
    const store = await Store.open(join(dir, 'store.duckdb'));
    await store.ensureSchema();
    await store
      .run(`INSERT INTO regions (id, name_en, level, dataset) SELECT unnest($1::VARCHAR[]), 'r', 'city', 'default'`, [regions as unknown as string])
      .catch(async () => {
        for (let k = 0; k < regions.length; k += 100) {
          const chunk = regions.slice(k, k + 100).map((r) => `('${r}', 'r', 'city', 'default')`);
          await store.run(`INSERT INTO regions (id, name_en, level, dataset) VALUES ${chunk.join(', ')}`);
        }
      });
    await store.run(
      `INSERT INTO classifications (id, name_en, name_zh, levels, dataset) VALUES ('GBT4754-2017', 'GB/T 4754-2017', '国民经济行业分类', ['section'], 'default')`,
    );
    await store.run(
      `INSERT INTO industries (classification, code, level, dataset) VALUES ${sections.map((s) => `('GBT4754-2017', '${s}', 'section', 'default')`).join(', ')}`,
    );
    let peak = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let peakHeap = heapBefore;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    const phases: string[] = [];
    t = performance.now();
    const result = await importFile(store, csv, {
      dataset: 'bench',
      ...(process.env.BENCH_IMPORT_MEMORY === undefined ? {} : { memoryLimit: process.env.BENCH_IMPORT_MEMORY }),
      onProgress: (phase) => phases.push(`${phase} ${((performance.now() - t) / 1000).toFixed(2)} s`),
    });
    const ms = performance.now() - t;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const stored = await store.count('observations', 'bench');
    store.close();
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
    console.log(
      `import canonical CSV ${String(rows).padStart(9)} rows  ${mb(statSync(csv).size).padStart(8)} file  generate ${(genMs / 1000).toFixed(1)} s  ` +
        `import ${(ms / 1000).toFixed(2)} s  ${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s  ` +
        `peak RSS ${mb(peak)}  maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}  JS heap ${mb(heapBefore)} → peak ${mb(peakHeap)}  stored ${stored}  errors ${result.report.errorCount}`,
    );
    console.log(`  phases: ${phases.join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const one = process.env.BENCH_IMPORT_ONE;
if (one !== undefined) {
  await runOne(Number(one));
} else {
  printHeader('import: canonical long CSV → validation → store (one transaction)');
  const sizes = (process.env.BENCH_IMPORT_SIZES ?? '1000000,10000000').split(',').map(Number);
  for (const rows of sizes) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_IMPORT_ONE: String(rows) },
    });
    if (r.status !== 0) process.exitCode = 1;
  }
}
