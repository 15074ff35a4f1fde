/**
 * @metrocoop/core — the public surface, grouped by topic. Pure: no I/O, no Node or DOM types.
 * Internal helpers (`_fn` kernels, option checkers) are deliberately not exported.
 */

// analysis: the cooperation analysis of a whole metro area (issue 4)
export { analyzeMetro, resolveAnalysisOptions } from './analysis/analyze-metro.ts';
export type { BenchmarkBasis, BenchmarkBasisUnit, BenchmarkMeasure, BenchmarkOptions, BenchmarkUnmapped } from './analysis/benchmark.ts';
export {
  benchmarkFigures,
  benchmarkMeasures,
  benchmarkMessages,
  benchmarkTradedSections,
  chooseBenchmarkYears,
  compareMetros,
  defaultBenchmarkOptions,
} from './analysis/benchmark.ts';
export { missingLinks } from './analysis/findings/index.ts';
export type { MetroAnalysisOptions } from './analysis/options.ts';
export { defaultMetroAnalysisOptions, metroAnalysisSchemaVersion } from './analysis/options.ts';
export type { FindingOf } from './analysis/result-schema.ts';
export { metroAnalysisJsonSchema, metroAnalysisJsonSchemaText, metroAnalysisSchema } from './analysis/result-schema.ts';
export type {
  Absence,
  AnalysisChainLink,
  AnalysisGap,
  AnalysisIndustry,
  AnalysisInputOutput,
  AnalysisKnowledgeItem,
  AnalysisTravelTime,
  AnalysisUnit,
  BenchmarkFigures,
  BenchmarkPart,
  ComplementarityPairs,
  ComplementarityPart,
  DistanceKindName,
  DriverScore,
  DriverSet,
  DriversPart,
  Evidence,
  Finding,
  FindingKind,
  GradientInput,
  HomogenisationPart,
  IndustryGroup,
  LinkagePairs,
  LinkagePart,
  MetroAnalysis,
  MetroAnalysisInput,
  OverviewInput,
  PairColumns,
  PairRef,
  PairType,
  Ring,
  RingGradient,
  Severity,
  SourcedValue,
  SpecialisationPart,
  StructurePart,
  TypologyPart,
  UnitOverview,
} from './analysis/types.ts';
// complexity
export type { ComponentsPolicy } from './complexity/active.ts';
export type { ComplexityOutlookOptions, ComplexityOutlookResult } from './complexity/complexity-outlook.ts';
export {
  complexityOutlook,
  complexityOutlookGain,
  complexityOutlookIndex,
  defaultComplexityOutlookOptions,
} from './complexity/complexity-outlook.ts';
export type { EconomicComplexityOptions, EconomicComplexityResult } from './complexity/economic-complexity.ts';
export {
  defaultEconomicComplexityOptions,
  economicComplexity,
  economicComplexityIndex,
  productComplexityIndex,
} from './complexity/economic-complexity.ts';
export type { FitnessComplexityOptions, FitnessComplexityResult } from './complexity/fitness-complexity.ts';
export { defaultFitnessComplexityOptions, fitnessComplexity } from './complexity/fitness-complexity.ts';
export type { ReflectionRescale, ReflectionsOptions, ReflectionsResult } from './complexity/method-of-reflections.ts';
export { defaultReflectionsOptions, methodOfReflections } from './complexity/method-of-reflections.ts';
export type { GiniOptions } from './concentration/gini.ts';
// concentration
export { defaultGiniOptions, gini } from './concentration/gini.ts';
export type { HooverGiniOptions } from './concentration/hoover-gini.ts';
export { defaultHooverGiniOptions, hooverGini, locationalGini } from './concentration/hoover-gini.ts';
export type { HooverLocalizationOptions } from './concentration/hoover-localization.ts';
export { defaultHooverLocalizationOptions, hooverLocalization } from './concentration/hoover-localization.ts';
export type {
  MeasureName,
  MeasureNote,
  MeasureResults,
  MeasuresDocument,
  MeasuresDocumentOptions,
} from './contract/measures-document.ts';
// the measures document (the `measures` command's JSON contract)
export {
  computeMeasures,
  defaultMeasuresDocumentOptions,
  measureNames,
  measuresDocument,
  parseMeasureList,
  parseMeasuresOptions,
  toMeasuresDocument,
} from './contract/measures-document.ts';
export type {
  ChainComplementarity,
  ChainComplementarityOptions,
  ChainLink,
  PairChainLinks,
} from './cooperation/chain-complementarity.ts';
// cooperation
export { chainComplementarity, defaultChainComplementarityOptions } from './cooperation/chain-complementarity.ts';
export type {
  CoordinationClass,
  CouplingCoordination,
  CouplingInput,
  CouplingOptions,
} from './cooperation/coupling-coordination.ts';
export {
  coordinationClasses,
  couplingCoordination,
  defaultCouplingOptions,
} from './cooperation/coupling-coordination.ts';
export type { LeadingIndustriesOptions, LeadingIndustryOverlap } from './cooperation/leading-industry-overlap.ts';
export {
  defaultLeadingIndustriesOptions,
  leadingIndustries,
  leadingIndustryOverlap,
} from './cooperation/leading-industry-overlap.ts';
export type { Language, LocalizedText } from './errors/metro-error.ts';
// errors
export { ConvergenceError, InvalidInputError, MetroError, NotFoundError } from './errors/metro-error.ts';
export type {
  FunctionalSpecialization,
  FunctionalSpecializationOptions,
  IndustryFunction,
} from './gradient/functional-specialization.ts';
// gradient
export {
  defaultFunctionalSpecializationOptions,
  functionalSpecialization,
  gbt4754FunctionMapping,
} from './gradient/functional-specialization.ts';
export type { IndustrialGradient, IndustrialGradientOptions } from './gradient/industrial-gradient.ts';
export { defaultIndustrialGradientOptions, industrialGradient } from './gradient/industrial-gradient.ts';
// input-output
export { allocationCoefficients } from './input-output/allocation-coefficients.ts';
export { directLinkages } from './input-output/direct-linkages.ts';
export type { FlqOptions, FlqRegionalization } from './input-output/flq-regionalization.ts';
export { defaultFlqOptions, flqRegionalization } from './input-output/flq-regionalization.ts';
export { ghoshInverse } from './input-output/ghosh-inverse.ts';
export type { HypotheticalExtraction, HypotheticalExtractionOptions } from './input-output/hypothetical-extraction.ts';
export {
  defaultHypotheticalExtractionOptions,
  hypotheticalExtraction,
} from './input-output/hypothetical-extraction.ts';
export type { InputOutputTableInput, InputOutputTableOptions } from './input-output/input-output-table.ts';
export { defaultInputOutputTableOptions, InputOutputTable } from './input-output/input-output-table.ts';
export { leontiefInverse } from './input-output/leontief-inverse.ts';
export type { IncomeMultiplierOptions, MultiplierOptions } from './input-output/multipliers.ts';
export {
  defaultMultiplierOptions,
  employmentMultipliers,
  incomeMultipliers,
  outputMultipliers,
} from './input-output/multipliers.ts';
export type { LinkageClass, RasmussenLinkages, RasmussenOptions } from './input-output/rasmussen-linkages.ts';
export { defaultRasmussenOptions, rasmussenLinkages } from './input-output/rasmussen-linkages.ts';
export { technicalCoefficients } from './input-output/technical-coefficients.ts';
export type { InverseIterationOptions, InverseIterationResult } from './linalg/eigen-inverse-iteration.ts';
// linalg
export { defaultInverseIterationOptions, inverseIteration } from './linalg/eigen-inverse-iteration.ts';
export type { LanczosOptions, LanczosResult, SymmetricOperator } from './linalg/eigen-lanczos.ts';
export { defaultLanczosOptions, lanczosLargest } from './linalg/eigen-lanczos.ts';
export type { SymmetricEigenOptions, SymmetricEigenResult } from './linalg/eigen-symmetric.ts';
export { defaultSymmetricEigenOptions, symmetricEigen } from './linalg/eigen-symmetric.ts';
export { invertMatrix } from './linalg/inverse.ts';
export type { LuDecomposition, LuOptions } from './linalg/lu.ts';
export { luDecompose, luDeterminant } from './linalg/lu.ts';
export { matrixMultiply } from './linalg/multiply.ts';
export { luSolve, solveLinearSystem } from './linalg/solve.ts';
export type { LabelledMatrix, LabelledVector } from './matrix/labelled.ts';
export { labelledMatrix, labelledVector, matrixToNested, vectorToArray } from './matrix/labelled.ts';
export type { DuplicatesPolicy, LongRow, MatrixOptions, ZeroTotalsPolicy } from './matrix/region-industry-matrix.ts';
// matrix
export { defaultMatrixOptions, RegionIndustryMatrix } from './matrix/region-industry-matrix.ts';
export type { FlowEdgeAttributes, FlowGraph, FlowGraphOptions } from './network/flow-graph.ts';
// network
export { defaultFlowGraphOptions, flowGraph } from './network/flow-graph.ts';
export type { BetweennessOptions } from './network/network-betweenness.ts';
export { defaultBetweennessOptions, networkBetweenness } from './network/network-betweenness.ts';
export type { CommunityOptions, NetworkCommunities } from './network/network-communities.ts';
export { defaultCommunityOptions, networkCommunities } from './network/network-communities.ts';
export type { PageRankOptions } from './network/network-pagerank.ts';
export { defaultPageRankOptions, networkPageRank } from './network/network-pagerank.ts';
export type { NetworkStrength } from './network/network-strength.ts';
export { networkStrength } from './network/network-strength.ts';
// planning (issue 10): positions, opportunities, transport priorities, scenarios and the plan document
export type {
  CapabilityComponent,
  CapabilityComponentName,
  CapabilityOptions,
  CapabilityWeights,
  LinkageWeights,
  UnitCapability,
} from './planning/capability.ts';
export {
  capabilityComponentNames,
  capabilityScore,
  capabilityWeightNames,
  defaultCapabilityWeights,
  linkageWeights,
  parseCapabilityWeights,
  resolveCapabilityWeights,
  unitCapability,
} from './planning/capability.ts';
export type { OpportunityOptions } from './planning/opportunities.ts';
export { defaultOpportunityOptions, findOpportunities } from './planning/opportunities.ts';
export type {
  ModeDecision,
  ModeExample,
  OpportunitiesPart,
  Opportunity,
  OpportunityChainLink,
  OpportunityPair,
  UndecidedMode,
} from './planning/opportunities-schema.ts';
export { opportunitiesPartSchema, opportunitiesSchemaVersion } from './planning/opportunities-schema.ts';
export type { PlanOptions } from './planning/plan.ts';
export { defaultPlanHeadline, modeNames, planMetro } from './planning/plan.ts';
export type { MetroPlan, PlanHeading, PlanRecommendation, PlanSection } from './planning/plan-schema.ts';
export { metroPlanJsonSchemaText, metroPlanSchema, metroPlanSchemaVersion, planHeadings } from './planning/plan-schema.ts';
export type {
  FixedPosition,
  PositioningIndustry,
  PositioningInput,
  PositioningMethod,
  PositioningOptions,
  PositioningRequirement,
  PositioningResult,
  PositioningSolver,
  ResolvedPositioningOptions,
} from './planning/positioning.ts';
export { choosePositions, defaultPositioningOptions, positioningObjective } from './planning/positioning.ts';
export type { PlanPositionsOptions } from './planning/positions.ts';
export { planPositions } from './planning/positions.ts';
export type {
  PositionsChoice,
  PositionsComponentValues,
  PositionsGivenUp,
  PositionsPart,
  PositionsReason,
  PositionsStated,
  PositionsUnit,
  PositionsWeightName,
} from './planning/positions-schema.ts';
export { positionsPartSchema, positionsWeightNames } from './planning/positions-schema.ts';
export type { ScenarioMove, ScenarioOptions } from './planning/scenario.ts';
export { defaultScenarioOptions, parseScenarioMove, runScenario, scenarioMoveText } from './planning/scenario.ts';
export type { AppliedMove, HomogenisationPairDelta, ObservedRelocations, PairTypeChange, ScenarioFile, ScenarioResult } from './planning/scenario-schema.ts';
export { parseScenarioFile, scenarioFileSchema, scenarioJsonSchemaTexts, scenarioResultSchema, scenarioSchemaVersion } from './planning/scenario-schema.ts';
export type { TimetableDate, TransportOptions } from './planning/transport.ts';
export { defaultTimetableDates, defaultTransportOptions, transportPriorities } from './planning/transport.ts';
export type { TransportPart, TransportPriority, UnknownTransportPair } from './planning/transport-schema.ts';
export { transportPartSchema } from './planning/transport-schema.ts';
export type { CooperationMode, FirmRelocation, FirmRelocations, PlanningContext, RailGap } from './planning/types.ts';
export { cooperationModes } from './planning/types.ts';
// relatedness
export type { AbsenceNote, NotedMatrix, NotedVector } from './relatedness/absence-note.ts';
export type { CoOccurrenceOptions } from './relatedness/co-occurrence.ts';
export { coOccurrence, defaultCoOccurrenceOptions } from './relatedness/co-occurrence.ts';
export type { DensityOptions } from './relatedness/density.ts';
export { defaultDensityOptions, density } from './relatedness/density.ts';
export type { DiversityOptions } from './relatedness/diversity-ubiquity.ts';
export { defaultDiversityOptions, diversity, ubiquity } from './relatedness/diversity-ubiquity.ts';
export type { PresenceInputOptions } from './relatedness/internal.ts';
export { defaultThreshold } from './relatedness/internal.ts';
export type { ProximityForm, ProximityOptions } from './relatedness/proximity.ts';
export { defaultProximityOptions, proximity } from './relatedness/proximity.ts';
export type { RelatednessMethod, RelatednessOptions } from './relatedness/relatedness.ts';
export { defaultRelatednessOptions, relatedness } from './relatedness/relatedness.ts';
export type { RelatednessDensityOptions } from './relatedness/relatedness-density.ts';
export { defaultRelatednessDensityOptions, relatednessDensity } from './relatedness/relatedness-density.ts';
export type { DunnShiftShare } from './shift-share/dunn.ts';
// shift-share
export { dunnShiftShare } from './shift-share/dunn.ts';
export type { DynamicExcludedCell, DynamicShiftShare, DynamicShiftShareOptions } from './shift-share/dynamic.ts';
export { defaultDynamicShiftShareOptions, dynamicShiftShare } from './shift-share/dynamic.ts';
export type { EstebanMarquillasShiftShare } from './shift-share/esteban-marquillas.ts';
export { estebanMarquillasShiftShare } from './shift-share/esteban-marquillas.ts';
export type { GerfinShiftShare } from './shift-share/gerfin.ts';
export { gerfinShiftShare } from './shift-share/gerfin.ts';
export type { ExcludedCell, ShiftShareOptions, ZeroBasePolicy } from './shift-share/prepare.ts';
export { defaultShiftShareOptions } from './shift-share/prepare.ts';
export type { KrugmanDissimilarityOptions } from './similarity/krugman-dissimilarity.ts';
// similarity
export { defaultKrugmanDissimilarityOptions, krugmanDissimilarity } from './similarity/krugman-dissimilarity.ts';
export type { PairwiseStructure, PairwiseStructureOptions } from './similarity/pairwise-structure.ts';
export { pairwiseStructure } from './similarity/pairwise-structure.ts';
export type { StructuralSimilarityOptions } from './similarity/structural-similarity.ts';
export { defaultStructuralSimilarityOptions, structuralSimilarity } from './similarity/structural-similarity.ts';
export type { DistanceKind, GravityInput, GravityLinkage, GravityOptions } from './spatial/gravity-linkage.ts';
// spatial
export { defaultGravityOptions, distanceKinds, gravityLinkage } from './spatial/gravity-linkage.ts';
export type { GeoPoint, GreatCircleOptions, LabelledGeoPoint } from './spatial/great-circle-distance.ts';
export {
  defaultGreatCircleOptions,
  greatCircleDistance,
  greatCircleDistanceMatrix,
} from './spatial/great-circle-distance.ts';
export type { DistanceDecay, HansenOptions } from './spatial/hansen-accessibility.ts';
export { defaultHansenOptions, hansenAccessibility } from './spatial/hansen-accessibility.ts';
export type { MembershipOptions } from './spatial/membership-degree.ts';
export { defaultMembershipOptions, membershipDegree } from './spatial/membership-degree.ts';
export type { UrbanFlowIntensity, UrbanFlowOptions } from './spatial/urban-flow-intensity.ts';
export { urbanFlowIntensity } from './spatial/urban-flow-intensity.ts';
export type { EntropyLog, EntropyOptions } from './specialisation/entropy.ts';
// specialisation
export { defaultEntropyOptions, entropy } from './specialisation/entropy.ts';
export type { HachmanOptions } from './specialisation/hachman.ts';
export { defaultHachmanOptions, hachman } from './specialisation/hachman.ts';
export type { HerfindahlOptions } from './specialisation/herfindahl.ts';
export { defaultHerfindahlOptions, herfindahl } from './specialisation/herfindahl.ts';
export type { ReferenceTotals, RegionReference } from './specialisation/internal.ts';
export type { KrugmanReference, KrugmanSpecializationOptions } from './specialisation/krugman-specialization.ts';
export { defaultKrugmanSpecializationOptions, krugmanSpecialization } from './specialisation/krugman-specialization.ts';
export type { LocationQuotientOptions } from './specialisation/location-quotient.ts';
export { defaultLocationQuotientOptions, locationQuotient } from './specialisation/location-quotient.ts';
export type { PresenceOptions } from './specialisation/presence.ts';
export { defaultPresenceOptions, presence } from './specialisation/presence.ts';
export type { SpecializationCoefficientOptions } from './specialisation/specialization-coefficient.ts';
export {
  defaultSpecializationCoefficientOptions,
  specializationCoefficient,
} from './specialisation/specialization-coefficient.ts';
export type { VarietyOptions, VarietyResult } from './specialisation/variety.ts';
export { defaultVarietyOptions, variety } from './specialisation/variety.ts';
export { type FindingContent, type FindingNames, findingNames, findingText, fmt } from './text/findings-text.ts';
// util
export { releaseDerivedData } from './util/memo.ts';
export { mulberry32 } from './util/random.ts';
