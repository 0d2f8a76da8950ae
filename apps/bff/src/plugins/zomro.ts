// Makes the one Zomro client available to the routes as `app.zomro`.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ZomroClient } from '../zomro/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    zomro: ZomroClient;
  }
}

export default fp(
  (app: FastifyInstance, options: { url: string; timeoutMs: number; fetch?: typeof fetch }) => {
    const client = new ZomroClient({
      url: options.url,
      timeoutMs: options.timeoutMs,
      logger: app.log.child({ component: 'zomro' }),
      ...(options.fetch && { fetch: options.fetch }),
    });
    app.decorate('zomro', client);
    // Last: other plugins' onClose (a team session's sign-out) may still call Zomro.
    app.addHook('onClose', () => client.close());
  },
  { name: 'zomro' },
);
