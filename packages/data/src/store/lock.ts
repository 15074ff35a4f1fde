/**
 * Who holds a store file. DuckDB lets one process open a file read-write, or several read-only, and refuses any
 * other open at once ("Could not set lock … Conflicting lock"). To wait for the file instead, and to say who holds
 * it, each process that opens a store with a {@link HolderInfo} writes a small holder file beside it —
 * `<store>.holder-<pid>.json` with its pid, command, mode and start time — removed when it closes the store or exits.
 * A holder file whose process is gone is ignored (and removed).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LocalizedText } from '@metrocoop/core';

/** What a process holding a store file records about itself. */
export interface HolderInfo {
  /** What the process is doing, for people (e.g. `metrocoop data import gdp.csv`). */
  readonly command: string;
}

/** A process that holds (or last held) a store file. */
export interface StoreHolder {
  readonly pid: number;
  /** Its command, or `null` when only DuckDB's message named the process. */
  readonly command: string | null;
  readonly mode: 'read' | 'write' | null;
  /** ISO time the process opened the store, or `null`. */
  readonly since: string | null;
}

const prefix = (path: string) => `${basename(path)}.holder-`;

/** The holder file of process `pid` for a store file. */
export function holderFilePath(path: string, pid: number = process.pid): string {
  return join(dirname(path), `${prefix(path)}${pid}.json`);
}

/** Whether a process is alive (a process we may not signal still exists). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether DuckDB refused an open because another process holds the file. */
export function isLockConflict(reason: string): boolean {
  return /Could not set lock|Conflicting lock/i.test(reason);
}

/** The pid DuckDB names in a lock-conflict message, or `null`. */
export function conflictPid(reason: string): number | null {
  const m = /\(PID (\d+)\)/.exec(reason);
  return m === null ? null : Number(m[1]);
}

/**
 * The processes holding a store file, from the holder files beside it (dead ones removed) and the pid DuckDB named,
 * if no holder file describes it.
 */
export function readHolders(path: string, duckdbPid: number | null = null): StoreHolder[] {
  const holders: StoreHolder[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dirname(path));
  } catch {
    names = [];
  }
  const p = prefix(path);
  for (const name of names) {
    if (!name.startsWith(p) || !name.endsWith('.json')) continue;
    const pid = Number(name.slice(p.length, -'.json'.length));
    if (pid === process.pid) continue;
    const file = join(dirname(path), name);
    if (!processAlive(pid)) {
      rmSync(file, { force: true });
      continue;
    }
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreHolder>;
      holders.push({
        pid,
        command: typeof data.command === 'string' ? data.command : null,
        mode: data.mode === 'read' || data.mode === 'write' ? data.mode : null,
        since: typeof data.since === 'string' ? data.since : null,
      });
    } catch {
      holders.push({ pid, command: null, mode: null, since: null });
    }
  }
  if (duckdbPid !== null && duckdbPid !== process.pid && !holders.some((h) => h.pid === duckdbPid)) {
    holders.push({ pid: duckdbPid, command: null, mode: null, since: null });
  }
  holders.sort((a, b) => (a.mode === b.mode ? a.pid - b.pid : a.mode === 'write' ? -1 : 1));
  return holders;
}

/** Files this process holds, with how many open stores use each (several read-only opens of one file share it). */
const held = new Map<string, number>();
let exitHookInstalled = false;

/** Write this process's holder file for a store file (call after DuckDB opened it). */
export function writeHolderFile(path: string, info: HolderInfo, readOnly: boolean): string {
  const file = holderFilePath(path);
  const count = held.get(file) ?? 0;
  if (count === 0 || !readOnly) {
    const record = { pid: process.pid, command: info.command, mode: readOnly ? 'read' : 'write', since: new Date().toISOString() };
    try {
      writeFileSync(file, `${JSON.stringify(record)}\n`);
    } catch {
      // A read-only folder: nobody learns who holds the store, which is only a message.
    }
  }
  held.set(file, count + 1);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const f of held.keys()) rmSync(f, { force: true });
    });
  }
  return file;
}

/** Release this process's holder file (removed when the last store open on it closes). */
export function releaseHolderFile(file: string): void {
  const count = held.get(file) ?? 0;
  if (count <= 1) {
    held.delete(file);
    rmSync(file, { force: true });
  } else held.set(file, count - 1);
}

const time = (iso: string | null): string => {
  if (iso === null) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toTimeString().slice(0, 8);
};

/** One holder for people: `metrocoop data import a.csv (process 123, writing since 10:31:02)`. */
export function describeHolder(h: StoreHolder): LocalizedText {
  const since = time(h.since);
  const en = [`process ${h.pid}`, h.mode === 'write' ? 'writing' : h.mode === 'read' ? 'reading' : '', since === '' ? '' : `since ${since}`]
    .filter((s) => s !== '')
    .join(', ');
  const zh = [`进程 ${h.pid}`, h.mode === 'write' ? '写入中' : h.mode === 'read' ? '读取中' : '', since === '' ? '' : `自 ${since} 起`]
    .filter((s) => s !== '')
    .join('，');
  return h.command === null ? { en: `another program (${en})`, zh: `另一个程序（${zh}）` } : { en: `${h.command} (${en})`, zh: `${h.command}（${zh}）` };
}

/** All holders for people, or "another program" when none is known. */
export function describeHolders(holders: readonly StoreHolder[]): LocalizedText {
  if (holders.length === 0) return { en: 'another program', zh: '另一个程序' };
  const parts = holders.map(describeHolder);
  return { en: parts.map((p) => p.en).join('; '), zh: parts.map((p) => p.zh).join('；') };
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10}`;

export const lockMessages = {
  waiting: (path: string, holders: readonly StoreHolder[], waitMs: number): LocalizedText => {
    const who = describeHolders(holders);
    return {
      en: `The store ${path} is in use by ${who.en}; waiting up to ${seconds(waitMs)} s for it (--wait SECONDS to change) …`,
      zh: `数据库 ${path} 正被 ${who.zh} 占用；最多等待 ${seconds(waitMs)} 秒（可用 --wait 秒数 调整）……`,
    };
  },
  busy: (path: string, holders: readonly StoreHolder[], waitMs: number): LocalizedText => {
    const who = describeHolders(holders);
    return {
      en: `The store ${path} is still in use by ${who.en} after waiting ${seconds(waitMs)} s; try again when it has finished, wait longer with --wait SECONDS, or use another store with --store FILE.`,
      zh: `等待 ${seconds(waitMs)} 秒后，数据库 ${path} 仍被 ${who.zh} 占用；请在其完成后重试，或用 --wait 秒数 延长等待，或用 --store 文件 换用其他数据库。`,
    };
  },
};
