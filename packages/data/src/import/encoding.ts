/**
 * Text encodings of imported files: UTF-8 (with or without BOM), GBK/GB18030, the encoding of most Chinese
 * yearbook exports, or UTF-16 with a byte-order mark (Excel's "Unicode text": UTF-16LE, tab-separated). DuckDB's CSV reader only knows UTF-8 offline, so a GBK file is decoded here, streaming, into
 * a temporary UTF-8 file that DuckDB then reads. Detection: a strict (`fatal`) UTF-8 decoder over the file; if it
 * rejects the bytes, a strict GB18030 decoder (a superset of GBK) must accept them, else the encoding is unknown.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';

/** Encodings the importers read. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** The UTF-16 encoding a file's byte-order mark announces (FF FE little-endian, FE FF big-endian), else null. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

async function readBom(path: string): Promise<'utf-16le' | 'utf-16be' | null> {
  for await (const chunk of createReadStream(path, { start: 0, end: 1 })) return utf16Bom(chunk as Buffer);
  return null;
}

/** Whether the whole file decodes strictly with `encoding` (streaming; memory bounded by the chunk size). */
async function decodesAs(path: string, encoding: TextEncoding, limitBytes: number): Promise<boolean> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let seen = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      // A text file never holds NUL characters: a NUL is UTF-16 without a byte-order mark, or binary data.
      if (decoder.decode(bytes, { stream: true }).includes('\u0000')) return false;
      seen += bytes.length;
      if (seen >= limitBytes) return true;
    }
    return !decoder.decode().includes('\u0000');
  } catch {
    return false;
  }
}

/**
 * Detect the encoding of a text file: UTF-16 when it starts with a byte-order mark, else `utf-8`, `gb18030` (GBK
 * and GB18030), or `null` when neither decodes it (or the text holds NUL characters).
 * `sampleBytes` limits how much is read (default: the whole file); a later invalid byte is then caught when the
 * file is read (DuckDB refuses invalid UTF-8), and the importer retries with GB18030.
 */
export async function detectEncoding(path: string, sampleBytes = Number.POSITIVE_INFINITY): Promise<TextEncoding | null> {
  const bom = await readBom(path);
  if (bom !== null) return (await decodesAs(path, bom, Number.POSITIVE_INFINITY)) ? bom : null;
  if (await decodesAs(path, 'utf-8', sampleBytes)) return 'utf-8';
  if (await decodesAs(path, 'gb18030', Number.POSITIVE_INFINITY)) return 'gb18030';
  return null;
}

/**
 * Decode `path` from `encoding` into a UTF-8 file `out`, streaming. Throws a `TypeError` (from the strict decoder)
 * on bytes that are not valid in that encoding.
 */
export async function decodeToUtf8File(path: string, encoding: TextEncoding, out: string): Promise<void> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const sink = createWriteStream(out, { encoding: 'utf8' });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (!sink.write(text)) await once(sink, 'drain');
    }
    const rest = decoder.decode();
    if (rest !== '') sink.write(rest);
  } finally {
    sink.end();
    await once(sink, 'close');
  }
}

/** Decode the first bytes of a file (for sniffing headers), replacing invalid bytes. */
export function decodeHead(bytes: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes).replace(/^\uFEFF/, '');
}
