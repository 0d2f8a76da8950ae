// The BFF as a library: what tests and tools build and configure.
export { buildApp, type BuildOptions } from './app.js';
export { loadConfig, ConfigError, type AppConfig, type ServerConfig } from './config.js';
export { MemorySessionStore, type SessionStore, type DashboardSession } from './stores/sessions.js';
export { ZomroClient } from './zomro/client.js';
export { SESSION_COOKIE } from './plugins/auth.js';
