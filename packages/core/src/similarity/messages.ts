/**
 * Messages of the similarity measures: they share the specialisation catalogue (one wording per problem).
 */
export { specialisationMessages as similarityMessages } from '../specialisation/messages.ts';
