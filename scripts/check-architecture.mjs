#!/usr/bin/env node
// The architecture, checked from the code (docs/architecture.md). The esbuild builds (scripts/build.mjs) record
// every import of every source file in their metafiles; this script reads those and fails on:
//   1. a forbidden import between packages: core imports only core (and its declared npm dependencies, never a
//      Node built-in); data imports core and data; the CLI imports core, data and itself; nothing imports an app;
//   2. an npm package imported by a package that does not declare it, or declared and never imported;
//   3. a cycle of static imports between source files;
//   4. a heavy module in the CLI's start-up: what `metrocoop --help` loads (the static imports of
//      apps/cli/src/main.ts) may reach only the CLI's declarations, commander, the core's error class and the
//      data package's format lists — never DuckDB, exceljs, the measures or a command's work;
//   5. a heavy package in the file commands (`measures`, `shift-share`): no DuckDB, zod, graphology or exceljs.
// It also draws the package and folder graph (Mermaid) into docs/architecture.md between the markers
// `<!-- architecture-graph:start -->` and `<!-- architecture-graph:end -->`; a stale drawing fails the check,
// `--write` redraws it. Usage: node scripts/check-architecture.mjs [--write]. Exit 1 with one line per problem.
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { buildAll, root } from './build.mjs';

const packages = {
  'packages/core': { name: '@metrocoop/core', mayImport: ['packages/core'], builtins: false },
  'packages/data': { name: '@metrocoop/data', mayImport: ['packages/core', 'packages/data'], builtins: true },
  'packages/viz': { name: '@metrocoop/viz', mayImport: ['packages/core', 'packages/viz'], builtins: false },
  'packages/report': { name: '@metrocoop/report', mayImport: ['packages/core', 'packages/viz', 'packages/report'], builtins: true },
  // The CLI's `serve` command starts the HTTP server in its own process: the one app another app may import.
  'apps/cli': {
    name: '@metrocoop/cli',
    mayImport: ['packages/core', 'packages/data', 'packages/viz', 'packages/report', 'apps/server', 'apps/cli'],
    builtins: true,
  },
  'apps/server': { name: '@metrocoop/server', mayImport: ['packages/core', 'packages/data', 'packages/viz', 'packages/report', 'apps/server'], builtins: true },
};
/** Declared dependencies that no source file imports on purpose, with the reason. */
const declaredButNotImported = {
  '@metrocoop/core': { 'graphology-types': 'types only (erased at compile time): the graph types graphology uses' },
  '@metrocoop/data': { tsx: 'devDependency: worker-boot.mjs registers it when the sources run through tsx' },
  '@metrocoop/viz': { echarts: 'types only (EChartsOption): the viz builds options; the report and the dashboard import echarts to draw them' },
};
/** What the CLI's start-up may load. */
const startupAllowed = [
  /^apps\/cli\/src\/(main|i18n|context|errors|text\/humanise)\.ts$/,
  /^apps\/cli\/src\/commands\/[a-z-]+\.ts$/,
  /^packages\/core\/src\/errors\/metro-error\.ts$/,
  /^packages\/data\/src\/formats\.ts$/,
];
const startupExternals = new Set(['commander']);

const packageOf = (file) => Object.keys(packages).find((p) => file.startsWith(`${p}/src/`));
const npmName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const isBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

const metas = await buildAll({ quiet: true });
/** file → { static, dynamic: Set<file>; external, externalDynamic: Set<spec> } over every build's inputs. */
const graph = new Map();
for (const meta of Object.values(metas)) {
  for (const [file, input] of Object.entries(meta.inputs)) {
    if (!packageOf(file)) continue;
    const node = graph.get(file) ?? { static: new Set(), dynamic: new Set(), external: new Set(), externalDynamic: new Set() };
    graph.set(file, node);
    for (const i of input.imports) {
      if (i.external) (i.kind === 'dynamic-import' ? node.externalDynamic : node.external).add(i.original ?? i.path);
      else if (packageOf(i.path)) (i.kind === 'dynamic-import' ? node.dynamic : node.static).add(i.path);
    }
  }
}

const problems = [];
// 1 and 2: layering and declared dependencies.
const imported = new Map(Object.keys(packages).map((p) => [p, new Set()]));
for (const [file, node] of graph) {
  const pkg = packageOf(file);
  const rule = packages[pkg];
  for (const target of [...node.static, ...node.dynamic]) {
    const to = packageOf(target);
    if (!rule.mayImport.includes(to)) problems.push(`${file} imports ${target}: ${rule.name} may import only ${rule.mayImport.join(', ')}`);
  }
  for (const spec of [...node.external, ...node.externalDynamic]) {
    if (isBuiltin(spec)) {
      if (!rule.builtins) problems.push(`${file} imports ${spec}: ${rule.name} is pure (no Node built-ins; it runs in the browser too)`);
      continue;
    }
    imported.get(pkg).add(npmName(spec));
  }
}
for (const pkg of Object.keys(packages)) {
  const manifest = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8'));
  const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((d) => !d.startsWith('@types/')));
  const name = packages[pkg].name;
  for (const dep of imported.get(pkg)) {
    if (!declared.has(dep)) problems.push(`${name} imports ${dep} but does not declare it in ${pkg}/package.json`);
  }
  for (const dep of declared) {
    if (dep.startsWith('@metrocoop/') || imported.get(pkg).has(dep) || declaredButNotImported[name]?.[dep]) continue;
    // A declared workspace package must be imported too (checked through the graph).
    problems.push(`${name} declares ${dep} in ${pkg}/package.json but no source file imports it`);
  }
  for (const dep of declared) {
    if (!dep.startsWith('@metrocoop/')) continue;
    const target = Object.keys(packages).find((p) => packages[p].name === dep);
    const used = [...graph].some(([f, n]) => packageOf(f) === pkg && [...n.static, ...n.dynamic].some((t) => packageOf(t) === target));
    if (!used) problems.push(`${name} declares ${dep} but never imports it`);
  }
}
// 3: cycles of static imports (Tarjan's strongly connected components).
{
  let index = 0;
  const stack = [];
  const info = new Map();
  const strong = (v) => {
    info.set(v, { index, low: index, on: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v)?.static ?? []) {
      if (!info.has(w)) {
        strong(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).on) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
    if (info.get(v).low === info.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).on = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) problems.push(`import cycle: ${component.reverse().join(' → ')}`);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!info.has(v)) strong(v);
}
// 4: the CLI's start-up: each disallowed module is reported once, with the path that loads it, and not followed.
{
  const via = new Map([['apps/cli/src/main.ts', null]]);
  const queue = ['apps/cli/src/main.ts'];
  const pathTo = (file) => {
    const chain = [];
    for (let f = file; f !== null; f = via.get(f)) chain.unshift(f);
    return chain.join(' → ');
  };
  while (queue.length > 0) {
    const file = queue.shift();
    if (!startupAllowed.some((re) => re.test(file))) {
      problems.push(`metrocoop --help loads ${file} (${pathTo(file)}): import it from a *.run.ts module instead`);
      continue;
    }
    for (const spec of graph.get(file)?.external ?? []) {
      if (!isBuiltin(spec) && !startupExternals.has(npmName(spec))) problems.push(`metrocoop --help loads the npm package ${spec} (${pathTo(file)})`);
    }
    for (const next of graph.get(file)?.static ?? []) {
      if (via.has(next)) continue;
      via.set(next, file);
      queue.push(next);
    }
  }
}

// 5: the file commands stay light: what `measures` and `shift-share` load statically has no store (DuckDB is
// imported only when a CSV or Parquet output needs it), no analysis schema (zod), no networks and no workbooks.
for (const entry of ['apps/cli/src/commands/measures.run.ts', 'apps/cli/src/commands/shift-share.run.ts']) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const spec of graph.get(file)?.external ?? []) {
      const name = npmName(spec);
      if (name === '@duckdb/node-api' || name === 'zod' || name === 'exceljs' || name.startsWith('graphology'))
        problems.push(`${entry} loads ${spec} (through ${file}): import it lazily or from a light entry (@metrocoop/core/measures, @metrocoop/data/measures)`);
    }
    for (const next of graph.get(file)?.static ?? []) if (!seen.has(next)) seen.add(next) && queue.push(next);
  }
}

// The drawing: packages, and the folders of each package with the imports between them.
const folderOf = (file) => {
  const pkg = packageOf(file);
  const rest = file.slice(pkg.length + 5).split('/');
  return rest.length > 1 ? `${pkg}/${rest[0]}` : pkg;
};
const edges = new Set();
for (const [file, node] of graph) {
  for (const target of node.static) if (folderOf(file) !== folderOf(target)) edges.add(`${folderOf(file)}|${folderOf(target)}|static`);
  for (const target of node.dynamic) if (folderOf(file) !== folderOf(target)) edges.add(`${folderOf(file)}|${folderOf(target)}|dynamic`);
}
const id = (folder) => folder.replace(/[^a-zA-Z0-9]/g, '_');
const lines = ['```mermaid', 'flowchart LR'];
for (const pkg of Object.keys(packages)) {
  lines.push(`  subgraph pkg_${id(pkg)}["${packages[pkg].name} (${pkg})"]`);
  const folders = [...new Set([...graph.keys()].filter((f) => packageOf(f) === pkg).map(folderOf))].sort();
  for (const f of folders) lines.push(`    ${id(f)}["${f === pkg ? `${pkg.split('/')[1]}/src` : f.slice(pkg.length + 1)}"]`);
  lines.push('  end');
}
const staticEdges = [...edges].filter((e) => e.endsWith('|static'));
const dynamicEdges = [...edges].filter((e) => e.endsWith('|dynamic') && !edges.has(e.replace('|dynamic', '|static')));
// Draw only the edges between packages and the CLI's lazy edges: the folder-to-folder edges inside a package are
// many and say little; they are checked above all the same.
for (const e of staticEdges.sort()) {
  const [a, b] = e.split('|');
  const pa = Object.keys(packages).find((p) => a === p || a.startsWith(`${p}/`));
  const pb = Object.keys(packages).find((p) => b === p || b.startsWith(`${p}/`));
  if (pa !== pb) lines.push(`  ${id(a)} --> ${id(b)}`);
}
for (const e of dynamicEdges.sort()) {
  const [a, b] = e.split('|');
  lines.push(`  ${id(a)} -. lazy .-> ${id(b)}`);
}
lines.push('```');
const drawing = lines.join('\n');
const docPath = join(root, 'docs', 'architecture.md');
const doc = readFileSync(docPath, 'utf8');
const start = '<!-- architecture-graph:start -->';
const end = '<!-- architecture-graph:end -->';
const a = doc.indexOf(start);
const b = doc.indexOf(end);
if (a < 0 || b < a) problems.push(`docs/architecture.md has no ${start} … ${end} block`);
else {
  const updated = `${doc.slice(0, a + start.length)}\n${drawing}\n${doc.slice(b)}`;
  if (updated !== doc) {
    if (process.argv.includes('--write')) writeFileSync(docPath, updated);
    else problems.push('docs/architecture.md: the drawing of the import graph is stale; run `node scripts/check-architecture.mjs --write`');
  }
}

const files = graph.size;
const imports = [...graph.values()].reduce((n, v) => n + v.static.size + v.dynamic.size, 0);
if (problems.length > 0) {
  for (const p of problems) console.error(`architecture: ${p}`);
  console.error(`architecture: ${problems.length} problem(s) in ${files} source files`);
  process.exit(1);
}
console.error(`architecture: ${files} source files, ${imports} imports between them: layering, dependencies, cycles and start-up ok`);
