// Team mode behind a trusted proxy (oauth2-proxy, an SSO gateway): a request from one of
// TRUSTED_PROXY_IPS is the operator its TRUST_PROXY_AUTH_HEADER names. The peer address is the
// socket's, never X-Forwarded-For: from any other address the header means nothing. Which role the
// name gets is the account service's business; here only whether the header names one operator.
import { isIPv6 } from 'node:net';
import { unsafeCharacters } from '@zomro-dash/shared';
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

export type ProxyIdentity =
  /** Not from a trusted proxy, or no header: the cookie decides. */
  | { kind: 'none' }
  | { kind: 'operator'; name: string }
  /** From the proxy, but not one clear name: the request is refused. */
  | { kind: 'invalid'; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Who a trusted proxy names. `rawHeaders` as Node gives them: name, value, name, value…, each
 * value a string of bytes (latin1), so that a repeated header is seen as such and the bytes can be
 * read as UTF-8.
 */
export function proxyIdentity(
  config: ProxyAuthConfig,
  remoteAddress: string | undefined,
  rawHeaders: readonly string[],
): ProxyIdentity {
  if (!isTrustedProxy(config, remoteAddress)) return { kind: 'none' };
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === config.header) values.push(rawHeaders[i + 1]!);
  }
  if (values.length === 0) return { kind: 'none' };
  // Node (and some proxies) would join two copies into "zed, alice": one operator, wrongly.
  if (values.length > 1) return { kind: 'invalid', reason: 'repeated' };
  let name: string;
  try {
    name = utf8.decode(Buffer.from(values[0]!, 'latin1')).trim();
  } catch {
    return { kind: 'invalid', reason: 'not-utf8' };
  }
  if (name === '') return { kind: 'none' };
  if (name.length > 200) return { kind: 'invalid', reason: 'too-long' };
  // A colon is the operators file's separator; a comma is how copies of a header are joined.
  if (/[:,]/.test(name)) return { kind: 'invalid', reason: 'separator' };
  const unsafe = unsafeCharacters(name);
  if (unsafe) return { kind: 'invalid', reason: unsafe };
  return { kind: 'operator', name };
}
