// Error responses every route documents (and serialises) with the shared error schema.
import { apiErrorSchema } from '@zomro-dash/shared';

export const errorResponses = {
  '4xx': apiErrorSchema.describe('A client error: `{ statusCode, code, message, details? }`'),
  '5xx': apiErrorSchema.describe('Zomro failed or the server did: `{ statusCode, code, message }`'),
};
