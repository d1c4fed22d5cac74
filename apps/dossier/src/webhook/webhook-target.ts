import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

/** Why a target is refused, in both languages; `null` when it is allowed. */
export interface TargetRefusal {
  reason: string;
  reasonVi: string;
}

// Addresses that are not on the public Internet (RFC 6890 special-purpose registries and friends).
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23],
  ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) NON_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** A public unicast address (an IPv4-mapped IPv6 address is judged as its IPv4 address). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export function refuseAddress(address: string, allowPrivate: boolean): TargetRefusal | null {
  if (allowPrivate || isPublicAddress(address)) return null;
  return { reason: `${address} is not a public address`, reasonVi: `${address} không phải địa chỉ công cộng` };
}

/**
 * What can be judged from the URL alone: HTTPS (plain HTTP only where private targets are allowed: development and
 * tests), no credentials, no fragment, and an IP literal host must be public.
 */
export function refuseUrl(text: string, allowPrivate: boolean): TargetRefusal | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { reason: 'not an absolute URL', reasonVi: 'không phải URL tuyệt đối' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return { reason: 'only https:// URLs are allowed', reasonVi: 'chỉ chấp nhận URL https://' };
  }
  if (url.username || url.password) return { reason: 'credentials in the URL are not allowed', reasonVi: 'không được đưa thông tin đăng nhập vào URL' };
  if (url.hash) return { reason: 'a fragment is not allowed', reasonVi: 'không được có phần fragment (#)' };
  const host = hostOf(url);
  if (isIP(host) !== 0) return refuseAddress(host, allowPrivate);
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))) {
    return { reason: `${host} is not a public host name`, reasonVi: `${host} không phải tên miền công cộng` };
  }
  return null;
}

/** The host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export type Lookup = (host: string) => Promise<LookupAddress[]>;

export const systemLookup: Lookup = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (e, addresses) => (e ? reject(e) : resolve(addresses))));

/** The URL, then every address its host resolves to (all must be allowed: no mixing a public and a private one). */
export async function refuseTarget(text: string, allowPrivate: boolean, lookup: Lookup = systemLookup): Promise<TargetRefusal | null> {
  const refused = refuseUrl(text, allowPrivate);
  if (refused) return refused;
  const host = hostOf(new URL(text));
  if (isIP(host) !== 0) return null;
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host);
  } catch (e) {
    return { reason: `${host} does not resolve (${(e as NodeJS.ErrnoException).code ?? 'error'})`, reasonVi: `không phân giải được tên miền ${host}` };
  }
  if (addresses.length === 0) return { reason: `${host} does not resolve`, reasonVi: `không phân giải được tên miền ${host}` };
  for (const a of addresses) {
    const r = refuseAddress(a.address, allowPrivate);
    if (r) return { reason: `${host} resolves to ${a.address}, which is not a public address`, reasonVi: `${host} trỏ tới ${a.address}, không phải địa chỉ công cộng` };
  }
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the sockets that deliver webhooks: resolves, then refuses the connection when an address is not
 * allowed, so a host that resolved to a public address when it was registered cannot be pointed at an internal
 * one later (DNS rebinding). IP literals never reach it: `refuseUrl` judges them before sending.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (host: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const opts = typeof options === 'number' ? { family: options } : options;
    dnsLookup(host, { ...opts, all: true, verbatim: true }, (e, addresses) => {
      if (e) return callback(e, opts.all ? [] : '', undefined);
      const refused = addresses.find((a) => refuseAddress(a.address, allowPrivate));
      if (refused || addresses.length === 0) {
        const error = Object.assign(new Error(`webhook target ${host} resolves to a non-public address`), { code: 'EHUBTARGET' }) as NodeJS.ErrnoException;
        return callback(error, opts.all ? [] : '', undefined);
      }
      if (opts.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
