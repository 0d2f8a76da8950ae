// Serves the built SPA: its files, and index.html for any other page path so that the client-side
// router can take over (history fallback). Unknown /api paths answer the API's 404 JSON instead.
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasWebBuild } from '../config.js';
import { toApiError } from './error-handler.js';
import { httpErrors } from '../http-errors.js';

export const NO_BUILD_MESSAGE =
  'The web app is not built. Run `corepack pnpm -r run build` (or `npm start`), then reload.\n';

export default fp(
  async (app: FastifyInstance, options: { webDistDir: string }) => {
    const built = hasWebBuild(options.webDistDir);
    if (!built) app.log.warn({ webDistDir: options.webDistDir }, 'no web build to serve');
    else {
      await app.register(fastifyStatic, {
        root: options.webDistDir,
        index: 'index.html',
        // Unknown files fall through to the not-found handler below.
        wildcard: true,
        // Source maps stay on the build machine: they would hand out the app's source.
        allowedPath: (pathName) => !pathName.toLowerCase().endsWith('.map'),
        setHeaders(reply, filePath) {
          // Vite puts content-hashed files under the build's own assets/ (not any folder of
          // that name above it): they never change.
          const relative = path.relative(options.webDistDir, filePath);
          const hashed = relative.split(path.sep)[0] === 'assets';
          reply.header(
            'cache-control',
            hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }

    app.setNotFoundHandler(async (request, reply) => {
      const url = request.url.split('?')[0]!;
      const page =
        (request.method === 'GET' || request.method === 'HEAD') &&
        !url.startsWith('/api/') &&
        url !== '/api' &&
        // A missing script or image is a 404, not the app.
        path.posix.extname(url) === '';
      if (page && built) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      if (page) return reply.code(404).type('text/plain; charset=utf-8').send(NO_BUILD_MESSAGE);
      const { body } = toApiError(httpErrors.notFound(`No route for ${request.method} ${url}`));
      return reply.code(404).send(body);
    });
  },
  { name: 'web' },
);
