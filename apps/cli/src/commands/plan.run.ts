/** The work of `metrocoop plan` (loaded only when the command runs). */
import { analyzeMetro, type CapabilityWeights, InvalidInputError, type PlanOptions, parseCapabilityWeights, planMetro } from '@metrocoop/core';
import { loadPlanningContext, type Store } from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { checkMetroTarget, onMetro, writeOrPrint } from '../one-shot.ts';
import { progressMessages, withProgress } from '../progress.ts';
import { jsonText } from '../text/json.ts';
import { planText } from '../text/plan.ts';
import { messages, type PlanCommandOptions } from './plan.ts';

function number(option: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  const ok = value.trim() !== '' && Number.isFinite(v) && (integer ? Number.isInteger(v) && v >= 1 : v >= 0);
  if (!ok) throw new InvalidInputError(messages.badNumber(option, value, integer ? messages.integer : messages.nonNegative), { option }, 'USAGE');
  return v;
}

function weights(value: string | undefined): Partial<CapabilityWeights> | undefined {
  if (value === undefined) return undefined;
  const parsed = parseCapabilityWeights(value);
  if (parsed === null) throw new InvalidInputError(messages.badWeights(value), { option: '--weights' }, 'USAGE');
  return parsed;
}

/** The plan options from the command line (numbers checked here; the core checks the rest). */
export function planOptions(opts: PlanCommandOptions): PlanOptions {
  const leadsPerUnit = number('--leads', opts.leads, true);
  const minLeadsPerUnit = number('--min-leads', opts.minLeads, true);
  // The core's default L is 2 (positions.ts).
  if (minLeadsPerUnit !== undefined && minLeadsPerUnit > (leadsPerUnit ?? 2))
    throw new InvalidInputError(messages.minAboveLeads(minLeadsPerUnit, leadsPerUnit ?? 2), { option: '--min-leads' }, 'USAGE');
  const maxLeadersPerIndustry = number('--max-leaders', opts.maxLeaders, true);
  const duplicationPenalty = number('--duplication', opts.duplication, false);
  const headline = number('--headline', opts.headline, true);
  const w = weights(opts.weights);
  return {
    positions: {
      ...(leadsPerUnit === undefined ? {} : { leadsPerUnit }),
      ...(minLeadsPerUnit === undefined ? {} : { minLeadsPerUnit }),
      ...(maxLeadersPerIndustry === undefined ? {} : { maxLeadersPerIndustry }),
      ...(duplicationPenalty === undefined ? {} : { duplicationPenalty }),
      ...(w === undefined ? {} : { weights: w }),
      ringRule: opts.ringRule === true,
      fixFromPlans: opts.fixPlans === true,
      fixed: opts.fix ?? [],
      sensitivity: opts.sensitivity,
      solver: opts.solver === 'glpk' ? 'glpk' : 'highs',
    },
    ...(headline === undefined ? {} : { headline }),
  };
}

export async function runPlan(ctx: CliContext, metro: string | undefined, opts: PlanCommandOptions, command: Command): Promise<void> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year))
      throw new InvalidInputError(
        messages.badNumber('--year', opts.year, { en: 'an integer year, e.g. 2019', zh: '整数年份，例如 2019' }),
        { year: opts.year },
        'USAGE',
      );
  }
  checkMetroTarget(metro, opts, messages);
  const options = planOptions(opts);
  const work = async (store: Store, id: string): Promise<void> => {
    const plan = await withProgress(ctx, progressMessages.planning(id), async () => {
      const loaded = await loadPlanningContext(store, id, { units: opts.units, ...(year === undefined ? {} : { year }) });
      return planMetro({ ...loaded, analysis: analyzeMetro(loaded.input) }, options);
    });
    const text = opts.format === 'json' ? jsonText(plan) : planText(plan, ctx.lang);
    writeOrPrint(ctx, text, opts.out, messages.wrote);
  };
  await onMetro(ctx, command, 'plan', metro, opts, work);
}
