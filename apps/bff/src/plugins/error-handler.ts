// The one error handler: every failure leaves as `{ statusCode, code, message, details?, upstream? }`
// (src/error-mapping.ts says which), and a 5xx is logged with its cause.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { toApiError } from '../error-mapping.js';
import { ZomroApiError, ZomroSessionExpiredError } from '../zomro/errors.js';

export {
  BUSY_RETRY_AFTER_SECONDS,
  mapZomroApiError,
  toApiError,
  type MappedError,
} from '../error-mapping.js';

export default fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((error, request, reply) => {
      const { body, headers } = toApiError(error);
      if (body.statusCode >= 500) {
        request.log.error({ err: error, code: body.code }, 'request failed');
      } else if (error instanceof ZomroApiError || error instanceof ZomroSessionExpiredError) {
        request.log.info({ err: error, code: body.code }, 'Zomro refused the request');
      }
      return reply.code(body.statusCode).headers(headers).send(body);
    });
  },
  { name: 'error-handler' },
);
