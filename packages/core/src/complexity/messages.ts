/** Bilingual messages of the complexity measures (ECI/PCI, reflections, fitness–complexity, COI/COG). */
import type { LocalizedText } from '../errors/metro-error.ts';

const q = (s: string): string => JSON.stringify(s);

export const complexityMessages = {
  zeroDiversity: (region: string): LocalizedText => ({
    en: `region ${q(region)} holds no industry (diversity 0), so it has no complexity value; it is reported as absent.`,
    zh: `地区 ${q(region)} 不具备任何行业（多样性为 0），没有复杂度值，记为缺失。`,
  }),
  zeroUbiquity: (industry: string): LocalizedText => ({
    en: `industry ${q(industry)} is held by no region (ubiquity 0), so it has no complexity value; it is reported as absent.`,
    zh: `行业 ${q(industry)} 不被任何地区具备（普遍性为 0），没有复杂度值，记为缺失。`,
  }),
  outsideComponent: (axis: 'region' | 'industry', label: string): LocalizedText => ({
    en: `${axis} ${q(label)} lies outside the largest connected block of the presence network, so its complexity is not comparable; it is reported as absent.`,
    zh: `${axis === 'region' ? '地区' : '行业'} ${q(label)} 不在 presence 网络的最大连通块内，其复杂度不可比较，记为缺失。`,
  }),
  disconnected: (fn: string, count: number, sizes: string): LocalizedText => ({
    en: `${fn}: the region–industry presence network falls apart into ${count} disconnected blocks (got sizes ${sizes}); the second eigenvector would only label the blocks. Pass components: "largest" to rank within the largest block, or add linking regions/industries.`,
    zh: `${fn}：地区—行业 presence 网络分裂为 ${count} 个互不相连的块（规模 ${sizes}）；第二特征向量只会区分这些块。可设 components: "largest" 在最大块内计算，或补充起连接作用的地区/行业。`,
  }),
  tooSmall: (fn: string, regions: number, industries: number): LocalizedText => ({
    en: `${fn}: complexity needs at least 2 regions and 2 industries with presence (got ${regions} and ${industries}); lower the threshold or add data.`,
    zh: `${fn}：复杂度至少需要 2 个有 presence 的地区和 2 个行业（得到 ${regions} 和 ${industries}）；可降低阈值或补充数据。`,
  }),
  noVariation: (fn: string, what: string): LocalizedText => ({
    en: `${fn}: ${what} does not vary (got a standard deviation of 0); every region has the same structure, so complexity cannot rank them.`,
    zh: `${fn}：${what} 没有差异（标准差为 0）；所有地区结构相同，复杂度无法排序。`,
  }),
  zeroSum: (fn: string, what: string): LocalizedText => ({
    en: `${fn}: the entries of the ${what} eigenvector sum to 0 (got a sum at rounding level), so the v/Σv normalisation is undefined; use normalization: "zScore".`,
    zh: `${fn}：${what}特征向量各分量之和为 0（在舍入误差量级），v/Σv 归一化无定义；请改用 normalization: "zScore"。`,
  }),
  noConvergence: (fn: string, iterations: number, residual: number, tolerance: number): LocalizedText => ({
    en: `${fn}: did not converge in ${iterations} iterations (residual ${residual}, tolerance ${tolerance}); raise maxIterations or tolerance.`,
    zh: `${fn}：迭代 ${iterations} 次仍未收敛（残差 ${residual}，容差 ${tolerance}）；可提高 maxIterations 或 tolerance。`,
  }),
  constantReflection: (fn: string, step: number): LocalizedText => ({
    en: `${fn}: the reflection became constant at step ${step} (got max = min), so it cannot be rescaled; use rescale: "none" or fewer steps.`,
    zh: `${fn}：反射在第 ${step} 步变为常数（最大值 = 最小值），无法重新标度；请改用 rescale: "none" 或减少步数。`,
  }),
} as const;
