/**
 * JSON numbers written straight into a byte buffer, the same text as `JSON.stringify(x)`: the shortest decimal that
 * reads back as `x` (the closest one when several are as short), in ECMAScript's layout (ECMA-262, Number::toString);
 * `null` for NaN and ±Infinity; `0` for −0.
 *
 * Why not `String(x)`: writing a measures document calls it millions of times, and each call allocates a string
 * that is then copied again into the output — about 0.5 µs a number, most of the time of `metrocoop measures`.
 *
 * How: for 1e-6 ≤ |x| < 1e16 (the fixed-point range JSON uses, where nearly all measure values fall), P = |x|·10^q
 * with q ≤ 22 lands in [1e16, 1e17) and is computed exactly as a double-double (Dekker's two-product; 10^q is an
 * exact double for q ≤ 22). The half-gaps to the neighbouring doubles, scaled the same way, are exact doubles too.
 * The digits are then the multiple of the largest power of ten inside that rounding interval (Steele & White's
 * shortest-output criterion), the one closest to P when two are inside. The last 8 digits and the interval are
 * handled as doubles below 1.4e8 (error < 3e-8); whenever a candidate, a boundary or a tie is closer than 1e-6 to
 * deciding the other way, the number is left to `String(x)` — as are integers ≥ 2^53, |x| < 1e-6, subnormals and
 * the rare carries past 17 digits. That fallback is what keeps the output identical for every input; the tests
 * compare with `JSON.stringify` on millions of values.
 *
 * References: G. L. Steele & J. L. White, "How to print floating-point numbers accurately", PLDI 1990; T. J. Dekker,
 * "A floating-point technique for extending the available precision", Numer. Math. 18 (1971); W. D. Clinger, "How
 * to read floating point numbers accurately", PLDI 1990 (exact powers of ten up to 10^22).
 */

/** The longest text `writeJsonNumber` writes (e.g. `-2.2250738585072014e-308`), for buffer checks. */
export const maxJsonNumberLength = 25;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HIGH = littleEndian ? 1 : 0;
const LOW = littleEndian ? 0 : 1;

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp split into 26 + 26 bits)
const POW10 = new Float64Array(23);
const POW10_HI = new Float64Array(23);
const POW10_LO = new Float64Array(23);
for (let k = 0; k <= 22; k++) {
  const p = Number(`1e${k}`); // exact for k ≤ 22
  POW10[k] = p;
  const c = SPLIT * p;
  const hi = c - (c - p);
  POW10_HI[k] = hi;
  POW10_LO[k] = p - hi;
}
/** 2^(e − 1076) for a biased exponent e: half a unit in the last place of a normal double with that exponent. */
const HALF_ULP = new Float64Array(2048);
for (let e = 1; e < 2047; e++) {
  const k = e - 1076 + 1023;
  if (k >= 1 && k <= 2046) {
    u32[HIGH] = k << 20;
    u32[LOW] = 0;
    HALF_ULP[e] = f64[0] as number;
  }
}
/** "00" … "99" as byte pairs. */
const PAIRS = new Uint8Array(200);
for (let k = 0; k < 100; k++) {
  PAIRS[2 * k] = 48 + Math.floor(k / 10);
  PAIRS[2 * k + 1] = 48 + (k % 10);
}
/** 10^k for k = −8 … 17 (nearest doubles), to settle floor(log10 x). */
const TEN_OFFSET = 8;
const TEN_POWERS = Float64Array.from({ length: 26 }, (_, k) => Number(`1e${k - TEN_OFFSET}`));
/** "0000" … "9999" as little-endian 32-bit words of ASCII digits, for DataView stores. */
const QUADS = new Uint32Array(10000);
for (let k = 0; k < 10000; k++) {
  const d = [Math.floor(k / 1000), Math.floor(k / 100) % 10, Math.floor(k / 10) % 10, k % 10].map((x) => 48 + x) as [number, number, number, number];
  QUADS[k] = (d[0] | (d[1] << 8) | (d[2] << 16) | (d[3] << 24)) >>> 0;
}
let viewOf: Uint8Array | undefined;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

/** Eight digits of 0 ≤ v < 1e8 at `at` (two 32-bit stores). */
function put8(target: DataView<ArrayBufferLike>, at: number, v: number): void {
  const high = (v / 10000) | 0;
  target.setUint32(at, QUADS[high] as number, true);
  target.setUint32(at + 4, QUADS[v - high * 10000] as number, true);
}

const TWO_53 = 9007199254740992;
const EPS = 1e-6;

/** Write `width` decimal digits of the integer 0 ≤ v < 2^31 ending just before `end`. */
function putDigits(out: Uint8Array, end: number, v: number, width: number): void {
  let k = end;
  let w = width;
  while (w >= 2) {
    const q = (v / 100) | 0;
    const r = (v - q * 100) << 1;
    out[--k] = PAIRS[r + 1] as number;
    out[--k] = PAIRS[r] as number;
    v = q;
    w -= 2;
  }
  if (w === 1) out[--k] = 48 + (v % 10);
}

/** Number of decimal digits of an integer 0 < v < 1e9. */
function digitCount(v: number): number {
  return v < 1e4 ? (v < 1e2 ? (v < 10 ? 1 : 2) : v < 1e3 ? 3 : 4) : v < 1e6 ? (v < 1e5 ? 5 : 6) : v < 1e7 ? 7 : v < 1e8 ? 8 : 9;
}

function writeString(out: Uint8Array, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) out[at + k] = text.charCodeAt(k);
  return at + text.length;
}

/** An integer 0 < v < 2^53 in plain digits. */
function writeInteger(out: Uint8Array, at: number, v: number): number {
  if (v < 1e9) {
    const n = digitCount(v);
    putDigits(out, at + n, v, n);
    return at + n;
  }
  const high = Math.floor(v / 1e9);
  const low = v - high * 1e9; // exact: high·1e9 ≤ v < 2^53
  const n = digitCount(high);
  putDigits(out, at + n, high, n);
  putDigits(out, at + n + 9, low, 9);
  return at + n + 9;
}

/**
 * Write `x` as JSON (`JSON.stringify(x)`'s text, `null` when not finite) into `out` at `at`; returns the position
 * after it. `out` needs {@link maxJsonNumberLength} free bytes at `at`.
 */
export function writeJsonNumber(out: Uint8Array, at: number, x: number): number {
  if (x - x !== 0) {
    // NaN or ±Infinity (x − x is NaN only for those)
    out[at] = 110; // null
    out[at + 1] = 117;
    out[at + 2] = 108;
    out[at + 3] = 108;
    return at + 4;
  }
  if (x === 0) {
    out[at] = 48;
    return at + 1;
  }
  if (x < 0) {
    out[at++] = 45;
    x = -x;
  }
  if (x < TWO_53 && Math.floor(x) === x) return writeInteger(out, at, x);
  if (x < 1e-6 || x >= 1e16) return writeString(out, at, String(x));
  const written = writeShortest(out, at, x);
  return written < 0 ? writeString(out, at, String(x)) : written;
}

/** The fast path for a positive non-integer 1e-6 ≤ x < 1e16; −1 when the case is left to `String`. */
function writeShortest(out: Uint8Array, at: number, x: number): number {
  f64[0] = x;
  const high = u32[HIGH] as number;
  const exponent = high >>> 20;
  // floor(log10 x) from the binary exponent (exact or one too small), then one comparison.
  let e10 = Math.floor((exponent - 1023) * 0.30102999566398114);
  if (x >= (TEN_POWERS[e10 + 1 + TEN_OFFSET] as number)) e10++;
  let q = 16 - e10;
  let hi = 0;
  let lo = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (q < 0 || q > 22) return -1;
    // P = x·10^q exactly as hi + lo (Dekker's two-product).
    const p = POW10[q] as number;
    const ph = POW10_HI[q] as number;
    const pl = POW10_LO[q] as number;
    const c = SPLIT * x;
    const xh = c - (c - x);
    const xl = x - xh;
    hi = x * p;
    lo = xh * ph - hi + xh * pl + xl * ph + xl * pl;
    if (hi < 1e16) q++;
    else if (hi >= 1e17) q--;
    else break;
  }
  if (hi < 1e16 || hi >= 1e17) return -1;
  // P = A·1e8 + B + lo with A, B integers (hi is an even integer here; A·1e8 and hi − A·1e8 are exact).
  let A = Math.floor(hi / 1e8);
  let B = hi - A * 1e8;
  if (B < 0) {
    A -= 1;
    B += 1e8;
  } else if (B >= 1e8) {
    A += 1;
    B -= 1e8;
  }
  const L = B + lo;
  // The rounding interval of x, scaled like P: [L − below, L + above]; the integers inside: [lowI, highI].
  const above = (HALF_ULP[exponent] as number) * (POW10[q] as number);
  const below = (high & 0xfffff) === 0 && u32[LOW] === 0 && exponent > 1 ? above / 2 : above;
  const lowEnd = L - below;
  const highEnd = L + above;
  const lowI = Math.ceil(lowEnd) | 0; // within ±1.5e8: int32, so that % below is an integer operation
  const highI = Math.floor(highEnd) | 0;
  const fLow = lowI - lowEnd;
  const fHigh = highEnd - highI;
  if (fLow < EPS || fLow > 1 - EPS || fHigh < EPS || fHigh > 1 - EPS) return -1; // a boundary too close to call
  // The largest power of ten p = 10^j (j ≤ 8) with a multiple in [lowI, highI] (exact integer arithmetic).
  let j = 0;
  let p = 1;
  while (j < 8) {
    const p10 = (p * 10) | 0;
    let rem = lowI % p10;
    if (rem < 0) rem += p10;
    if ((rem === 0 ? lowI : lowI + p10 - rem) > highI) break;
    j++;
    p = p10;
  }
  let rem = lowI % p;
  if (rem < 0) rem += p;
  const m = rem === 0 ? lowI : lowI + p - rem;
  let chosen = m;
  if (m + p <= highI) {
    // Several multiples inside: the one closest to P (the nearest to L, or its neighbour across L when the nearest
    // lies outside the interval).
    const r = Math.floor(L / p) * p;
    const tie = L - r - (r + p - L);
    if (tie < EPS && tie > -EPS) return -1;
    chosen = tie < 0 ? r : r + p;
    if (chosen < m) chosen += p;
    else if (chosen > highI) chosen -= p;
  }
  // The digits: A' (9) and the low part (8), with a carry when the multiple fell outside [0, 1e8).
  let low = chosen;
  if (low < 0) {
    A -= 1;
    low += 1e8;
  } else if (low >= 1e8) {
    A += 1;
    low -= 1e8;
  }
  if (A < 1e8 || A >= 1e9) return -1;
  // x = 0.d1d2…d17 × 10^n with d1…d9 = A and d10…d17 = low; written straight into `out` (four digits a store),
  // the point moved in afterwards, trailing zeros dropped.
  const n = 17 - q;
  if (out !== viewOf) {
    viewOf = out;
    view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  }
  let start = at;
  if (n <= 0) {
    // −6 < n here (x ≥ 1e-6)
    out[at++] = 48;
    out[at++] = 46;
    for (let i = n; i < 0; i++) out[at++] = 48;
    start = at;
  } else start = at + 1;
  const first = (A / 1e8) | 0;
  out[start] = 48 + first;
  put8(view, start + 1, A - first * 1e8);
  put8(view, start + 9, low);
  let end = start + 17;
  if (n > 0) {
    // n < 17 (x < 1e16): shift the integer digits left by one and put the point after them
    for (let i = 0; i < n; i++) out[at + i] = out[at + 1 + i] as number;
    out[at + n] = 46;
  }
  // A non-integer keeps a non-zero digit after the point, so this stops there.
  while (out[end - 1] === 48) end--;
  return end;
}

const scratch = new Uint8Array(maxJsonNumberLength);

/** `writeJsonNumber` as a string (tests, small outputs). */
export function jsonNumber(x: number): string {
  const end = writeJsonNumber(scratch, 0, x);
  let text = '';
  for (let k = 0; k < end; k++) text += String.fromCharCode(scratch[k] as number);
  return text;
}
