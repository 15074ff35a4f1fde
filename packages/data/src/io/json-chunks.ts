/**
 * A JSON text assembled in one reused ~1 MB byte buffer and handed to a sink chunk by chunk: numbers go straight
 * from typed arrays into the buffer (`writeJsonNumber`), so a document of millions of numbers is never one string,
 * never an array of per-number strings, and never a per-cell object.
 */
import { maxJsonNumberLength, writeJsonNumber } from './json-number.ts';

/** Where the chunks go: `write` must be done with a byte chunk when its promise resolves (the buffer is reused). */
export interface ChunkSink {
  write(chunk: string | Uint8Array): Promise<void>;
}

/** Default chunk size in bytes. */
export const defaultJsonChunkSize = 1 << 20;

/** Builder of one JSON text in byte chunks (see the module comment). */
export class JsonChunks {
  readonly #sink: ChunkSink;
  readonly #buffer: Buffer;
  #pos = 0;

  constructor(sink: ChunkSink, chunkSize: number = defaultJsonChunkSize) {
    this.#sink = sink;
    this.#buffer = Buffer.allocUnsafe(Math.max(chunkSize, 4 * maxJsonNumberLength));
  }

  /** Append text (JSON punctuation, keys, `JSON.stringify` of labels and notes). */
  async text(text: string): Promise<void> {
    const room = this.#buffer.length - this.#pos;
    if (text.length * 3 <= room) {
      this.#pos += this.#buffer.write(text, this.#pos, 'utf8');
      return;
    }
    await this.flush();
    if (Buffer.byteLength(text, 'utf8') <= this.#buffer.length) this.#pos = this.#buffer.write(text, 0, 'utf8');
    else await this.#sink.write(text);
  }

  /**
   * Append `[v0,v1,…]` for `values[offset … offset + count)`, `null` where `absent` is 1 (and for NaN/±Infinity,
   * as `JSON.stringify` does).
   */
  async numbers(values: Float64Array, absent: Uint8Array | undefined, offset: number, count: number): Promise<void> {
    const buffer = this.#buffer;
    const limit = buffer.length - maxJsonNumberLength - 2;
    if (this.#pos >= limit) await this.flush();
    buffer[this.#pos++] = 0x5b; // [
    let k = 0;
    for (;;) {
      let pos = this.#pos;
      if (absent === undefined) {
        for (; k < count && pos < limit; k++) {
          if (k > 0) buffer[pos++] = 0x2c;
          pos = writeJsonNumber(buffer, pos, values[offset + k] as number);
        }
      } else {
        for (; k < count && pos < limit; k++) {
          if (k > 0) buffer[pos++] = 0x2c;
          const at = offset + k;
          if (absent[at] === 1) {
            buffer[pos] = 0x6e; // null
            buffer[pos + 1] = 0x75;
            buffer[pos + 2] = 0x6c;
            buffer[pos + 3] = 0x6c;
            pos += 4;
          } else pos = writeJsonNumber(buffer, pos, values[at] as number);
        }
      }
      this.#pos = pos;
      if (k === count) break;
      await this.flush();
    }
    if (this.#pos >= buffer.length) await this.flush();
    buffer[this.#pos++] = 0x5d; // ]
  }

  /** Hand the buffered bytes to the sink. */
  async flush(): Promise<void> {
    if (this.#pos === 0) return;
    const chunk = this.#buffer.subarray(0, this.#pos);
    this.#pos = 0;
    await this.#sink.write(chunk);
  }
}
