/**
 * Messages of the concentration measures: they share the specialisation catalogue (one wording per problem).
 */
export { specialisationMessages as concentrationMessages } from '../specialisation/messages.ts';
