/**
 * Seeded generators for benchmarks at named sizes (STYLE.md): small 50×100, medium 300×100, large 3,000×500.
 * Random numbers come from the core's mulberry32 (packages/core/src/util/random.ts).
 */
import { mulberry32, RegionIndustryMatrix } from '@metrocoop/core';

export const sizes = {
  small: { regions: 50, industries: 100 },
  medium: { regions: 300, industries: 100 },
  large: { regions: 3000, industries: 500 },
} as const;

export type SizeName = keyof typeof sizes;

/** The core's seeded PRNG, re-exported for the benchmarks that draw their own inputs. */
export { mulberry32 };

/**
 * A region × industry matrix with about `density` non-zero cells (default 0.4), heavy-tailed integer values,
 * and no zero row or column. Labels `R0001…`, `I001…` so lexical order equals generation order.
 */
export function generateMatrix(regions: number, industries: number, seed = 42, density = 0.4): RegionIndustryMatrix {
  const random = mulberry32(seed);
  const values = new Float64Array(regions * industries);
  for (let r = 0; r < regions; r++) {
    const scale = 1 + 99 * random();
    for (let i = 0; i < industries; i++) {
      if (random() < density) values[r * industries + i] = Math.floor(scale * (1 + 1000 * random() ** 3));
    }
    // guarantee a non-zero row
    const j = Math.floor(random() * industries);
    if (values[r * industries + j] === 0) values[r * industries + j] = 1;
  }
  for (let i = 0; i < industries; i++) {
    let any = false;
    for (let r = 0; r < regions && !any; r++) any = values[r * industries + i] !== 0;
    if (!any) values[Math.floor(random() * regions) * industries + i] = 1;
  }
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const regionLabels = Array.from({ length: regions }, (_, k) => `R${pad(k, 5)}`);
  const industryLabels = Array.from({ length: industries }, (_, k) => `I${pad(k, 4)}`);
  return RegionIndustryMatrix.fromWide(regionLabels, industryLabels, values);
}

/** The matrix as a long CSV (`region,industry,value`, non-zero cells only), the input of `metrocoop measures`. */
export function longCsv(matrix: RegionIndustryMatrix): string {
  const lines = ['region,industry,value'];
  for (let r = 0; r < matrix.regionCount; r++) {
    for (let i = 0; i < matrix.industryCount; i++) {
      const v = matrix.at(r, i);
      if (v > 0) lines.push(`${matrix.regions[r]},${matrix.industries[i]},${v}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
