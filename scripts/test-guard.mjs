// Test guard: preloaded into every test process (`node --import tsx --import ./scripts/test-guard.mjs --test …`), it
// makes a file-system read outside the allowed roots throw, so a test can never depend on a file that a fresh clone of
// the repository does not have (the project's shared folder beside it, a home directory, an absolute path on one
// machine).
//
// Allowed: the repository root, os.tmpdir() (and the real paths of both), /dev, /proc, /sys, /etc, /usr, /lib*, and
// Node's own install prefix. Everything else throws `TestGuardError` (code ERR_TEST_READ_OUTSIDE_REPO) naming the path
// and the rule. The read entry points of node:fs and node:fs/promises are patched (path arguments only; a file
// descriptor or FileHandle is not checked), then module.syncBuiltinESMExports() makes named ESM imports
// (`import { readFileSync } from 'node:fs'`) see the patch. Opening a file only for writing is not a read and is
// not checked. Reads by native addons (DuckDB) and Node's own module loader bindings do not go through these
// functions and are not checked.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The rule, as every error states it. */
export const rule = 'tests never read outside the repository';

/** Thrown for a read outside the allowed roots. */
export class TestGuardError extends Error {
  constructor(operation, target) {
    super(
      `test-guard: ${operation} ${JSON.stringify(target)} is outside the repository — ${rule} (allowed: the repository, ` +
        `os.tmpdir(), /dev, /proc, /sys, /etc, /usr, /lib*, Node's install folder); put the file in the repository ` +
        `(a fixture) or create it under os.tmpdir().`,
    );
    this.name = 'TestGuardError';
    this.code = 'ERR_TEST_READ_OUTSIDE_REPO';
    this.path = target;
  }
}

const realpathOrSelf = (p) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
};

const repoRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
const libDirs = (() => {
  try {
    return fs
      .readdirSync('/')
      .filter((name) => /^lib/.test(name))
      .map((name) => `/${name}`);
  } catch {
    return ['/lib', '/lib64'];
  }
})();

/** The folders a test may read under (absolute, without a trailing separator), before the patch is applied. */
export const allowedRoots = [
  ...new Set(
    [
      repoRoot,
      os.tmpdir(),
      nodePrefix,
      path.resolve(path.dirname(realpathOrSelf(process.execPath)), '..'),
      '/dev',
      '/proc',
      '/sys',
      '/etc',
      '/usr',
      // playwright-core probes for WSL when it loads (existsSync); not a file any test depends on.
      '/run/WSL',
      ...libDirs,
    ].flatMap((root) => [path.resolve(root), path.resolve(realpathOrSelf(root))]),
  ),
];

/** Is `target` (a path, relative to the working directory when relative) under an allowed root? */
export function isAllowed(target) {
  const absolute = path.resolve(target);
  return allowedRoots.some((root) => absolute === root || absolute.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

/** The path named by a path-like argument, or null for a file descriptor, a FileHandle or anything else. */
function pathOf(arg) {
  if (typeof arg === 'string') return arg;
  if (Buffer.isBuffer(arg)) return arg.toString();
  if (arg instanceof URL) return arg.protocol === 'file:' ? fileURLToPath(arg) : null;
  return null;
}

function check(operation, arg) {
  const target = pathOf(arg);
  if (target !== null && !isAllowed(target)) throw new TestGuardError(operation, path.resolve(target));
}

/** Does an open() flag argument ask for reading? (undefined = 'r'; write-only flags are not reads.) */
function opensForReading(flags) {
  if (flags === undefined || flags === null) return true;
  if (typeof flags === 'number') return (flags & 3) !== fs.constants.O_WRONLY;
  return /r|\+/.test(String(flags));
}

function wrap(target, name, kind, label) {
  const original = target[name];
  if (typeof original !== 'function') return;
  const guarded = {
    sync(...args) {
      check(label, args[0]);
      return original.apply(this, args);
    },
    open(...args) {
      if (opensForReading(typeof args[1] === 'function' ? undefined : args[1])) check(label, args[0]);
      return original.apply(this, args);
    },
    promise(...args) {
      try {
        check(label, args[0]);
      } catch (error) {
        return Promise.reject(error);
      }
      return original.apply(this, args);
    },
    promiseOpen(...args) {
      try {
        if (opensForReading(args[1])) check(label, args[0]);
      } catch (error) {
        return Promise.reject(error);
      }
      return original.apply(this, args);
    },
  }[kind];
  // Keep the function's own properties (realpathSync.native, fs.exists' promisify.custom, …).
  for (const key of Reflect.ownKeys(original)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    const descriptor = Object.getOwnPropertyDescriptor(original, key);
    if (descriptor !== undefined) Object.defineProperty(guarded, key, descriptor);
  }
  Object.defineProperty(guarded, 'name', { value: original.name });
  target[name] = guarded;
}

const installed = Symbol.for('metrocoop.testGuard');
if (!globalThis[installed]) {
  globalThis[installed] = true;
  // node:fs, synchronous and callback forms (callback forms throw synchronously, as Node does for a bad argument).
  for (const name of [
    'readFileSync',
    'readdirSync',
    'opendirSync',
    'existsSync',
    'statSync',
    'lstatSync',
    'accessSync',
    'realpathSync',
    'readlinkSync',
    'copyFileSync',
    'cpSync',
    'createReadStream',
    'readFile',
    'readdir',
    'opendir',
    'exists',
    'stat',
    'lstat',
    'access',
    'realpath',
    'readlink',
    'copyFile',
    'cp',
    'openAsBlob',
  ]) {
    wrap(fs, name, 'sync', `fs.${name}`);
  }
  wrap(fs.realpathSync, 'native', 'sync', 'fs.realpathSync.native');
  wrap(fs.realpath, 'native', 'sync', 'fs.realpath.native');
  wrap(fs, 'openSync', 'open', 'fs.openSync');
  wrap(fs, 'open', 'open', 'fs.open');
  // node:fs/promises (the same object as fs.promises): a rejected promise, as the API would give.
  for (const name of ['readFile', 'readdir', 'opendir', 'stat', 'lstat', 'access', 'realpath', 'readlink', 'copyFile', 'cp']) {
    wrap(fsp, name, 'promise', `fs.promises.${name}`);
  }
  wrap(fsp, 'open', 'promiseOpen', 'fs.promises.open');
  syncBuiltinESMExports();
}
