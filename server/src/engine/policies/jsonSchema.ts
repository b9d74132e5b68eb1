/** JSON Schemas generated from the zod schemas, for editors (jsonValidation) and drift tests. */
import { z } from 'zod';
import { concept, lexicalClass, policy } from './schema';

export function jsonSchemas(): Record<string, unknown> {
  return {
    'policy.schema.json': {
      title: 'ClinLint policy',
      ...z.toJSONSchema(policy, { io: 'input', target: 'draft-7' }),
    },
    'concept.schema.json': {
      title: 'ClinLint concept',
      ...z.toJSONSchema(concept, { io: 'input', target: 'draft-7' }),
    },
    'lexicon.schema.json': {
      title: 'ClinLint lexical class',
      ...z.toJSONSchema(lexicalClass, { io: 'input', target: 'draft-7' }),
    },
  };
}
