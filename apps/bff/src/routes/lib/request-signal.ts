// An AbortSignal that fires when the client goes away before its answer was sent, so that a change
// still waiting for its instance is dropped instead of run for nobody.
import type { FastifyReply } from 'fastify';

export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
