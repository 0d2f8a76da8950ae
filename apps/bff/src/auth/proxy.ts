// Team mode behind a trusted proxy (oauth2-proxy, an SSO gateway): a request from one of
// TRUSTED_PROXY_IPS is the operator its TRUST_PROXY_AUTH_HEADER names. The peer address is the
// socket's, never X-Forwarded-For: from any other address the header means nothing.
import { isIPv6 } from 'node:net';
import type { Role } from '@zomro-dash/shared';
import type { ProxyAuthConfig } from '../config.js';

/** `::ffff:10.0.0.1` is the IPv4 peer 10.0.0.1 on a dual-stack socket. */
function peer(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, type: 'ipv4' };
  return { address, type: isIPv6(address) ? 'ipv6' : 'ipv4' };
}

export function isTrustedProxy(config: ProxyAuthConfig, remoteAddress: string | undefined) {
  if (remoteAddress === undefined) return false;
  const { address, type } = peer(remoteAddress);
  return config.trusted.check(address, type);
}

/** The operator a trusted proxy names, or null (not from a trusted address, or no usable name). */
export function proxyOperator(
  config: ProxyAuthConfig,
  remoteAddress: string | undefined,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): { name: string; role: Role } | null {
  if (!isTrustedProxy(config, remoteAddress)) return null;
  const value = headers[config.header];
  if (typeof value !== 'string') return null;
  const name = value.trim();
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) return null;
  return { name, role: config.viewers.has(name) ? 'viewer' : 'editor' };
}
