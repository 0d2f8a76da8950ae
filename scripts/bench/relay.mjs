// The floor of a Node relay: a bare @fastify/http-proxy in front of the emulator, nothing else
// (no logging, no sessions, no validation). UPSTREAM and PORT from the environment.
import proxy from '@fastify/http-proxy';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
await app.register(proxy, { upstream: process.env.UPSTREAM });
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
