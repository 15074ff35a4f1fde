/**
 * Every route module of the API, in the order they are registered. A module is a {@link RouteModule}: it declares
 * its routes with `createRoute` (zod schemas for params, query, body and responses) so that `/openapi.json` covers
 * them. Add a module by importing it and listing it in {@link routeModules}.
 */
import type { RouteModule } from '../context.ts';
import { registerClassificationRoutes } from './classifications.ts';
import { registerComputeRoutes } from './compute.ts';
import { registerDatasetMeasuresRoutes } from './dataset-measures.ts';
import { registerDatasetRoutes } from './datasets.ts';
import { registerGeometryRoutes } from './geometries.ts';
import { registerHealthRoutes } from './health.ts';
import { registerMetroRoutes } from './metros.ts';
import { registerMetroWriteRoutes } from './metros-write.ts';
import { registerObservationRoutes } from './observations.ts';
import { registerRegionRoutes } from './regions.ts';
import { registerSourceRoutes } from './sources.ts';

/** The route modules the app registers (read routes first; compute, datasets and metro writes after). */
export const routeModules: readonly RouteModule[] = [
  registerHealthRoutes,
  registerMetroRoutes,
  registerRegionRoutes,
  registerClassificationRoutes,
  registerSourceRoutes,
  registerObservationRoutes,
  registerComputeRoutes,
  registerGeometryRoutes,
  registerDatasetRoutes,
  registerDatasetMeasuresRoutes,
  registerMetroWriteRoutes,
];
