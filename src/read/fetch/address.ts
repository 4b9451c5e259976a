/**
 * Which IP addresses a fetch may connect to. A watcher fetches URLs that strangers write (feed
 * links, redirects), so without this check a feed could make it read the machine's own services or
 * the local network (server-side request forgery). Every range that is not the public Internet is
 * named here: the name goes into the refusal message.
 */
import { isIP, isIPv4 } from 'node:net';

interface Range {
  /** The first address of the range as a number (IPv4) or as eight 16-bit groups (IPv6). */
  prefix: number[];
  bits: number;
  name: string;
}

function ipv4Range(cidr: string, name: string): Range {
  const [address, bits] = cidr.split('/');
  return { prefix: ipv4Octets(address!)!, bits: Number(bits), name };
}

function ipv6Range(cidr: string, name: string): Range {
  const [address, bits] = cidr.split('/');
  return { prefix: ipv6Groups(address!)!, bits: Number(bits), name };
}

const IPV4_SPECIAL: readonly Range[] = [
  ipv4Range('0.0.0.0/8', '"this network" (0.0.0.0/8)'),
  ipv4Range('10.0.0.0/8', 'private (10.0.0.0/8)'),
  ipv4Range('100.64.0.0/10', 'carrier-grade NAT (100.64.0.0/10)'),
  ipv4Range('127.0.0.0/8', 'loopback (127.0.0.0/8)'),
  ipv4Range('169.254.0.0/16', 'link-local (169.254.0.0/16)'),
  ipv4Range('172.16.0.0/12', 'private (172.16.0.0/12)'),
  ipv4Range('192.0.0.0/24', 'IETF protocol assignment (192.0.0.0/24)'),
  ipv4Range('192.0.2.0/24', 'documentation (192.0.2.0/24)'),
  ipv4Range('192.168.0.0/16', 'private (192.168.0.0/16)'),
  ipv4Range('198.18.0.0/15', 'benchmarking (198.18.0.0/15)'),
  ipv4Range('198.51.100.0/24', 'documentation (198.51.100.0/24)'),
  ipv4Range('203.0.113.0/24', 'documentation (203.0.113.0/24)'),
  ipv4Range('224.0.0.0/4', 'multicast (224.0.0.0/4)'),
  ipv4Range('240.0.0.0/4', 'reserved (240.0.0.0/4, includes broadcast)'),
];

/** Ranges that carry an IPv4 address in their last 32 bits: that address decides. */
const IPV6_EMBEDDING_IPV4: readonly Range[] = [
  ipv6Range('::ffff:0:0/96', 'IPv4-mapped'),
  ipv6Range('64:ff9b::/96', 'NAT64'),
];

const IPV6_SPECIAL: readonly Range[] = [
  ipv6Range('::/128', 'unspecified (::)'),
  ipv6Range('::1/128', 'loopback (::1)'),
  // Deprecated IPv4-compatible addresses (::a.b.c.d); nothing public is reached through them.
  ipv6Range('::/96', 'IPv4-compatible (::/96, deprecated)'),
  ipv6Range('100::/64', 'discard-only (100::/64)'),
  ipv6Range('2001:db8::/32', 'documentation (2001:db8::/32)'),
  ipv6Range('fc00::/7', 'unique-local (fc00::/7)'),
  ipv6Range('fe80::/10', 'link-local (fe80::/10)'),
  ipv6Range('fec0::/10', 'site-local (fec0::/10, deprecated)'),
  ipv6Range('ff00::/8', 'multicast (ff00::/8)'),
];

/** 6to4 (2002::/16) carries an IPv4 address in bits 16–47. */
const SIX_TO_FOUR = ipv6Range('2002::/16', '6to4');

export function ipv4Octets(text: string): number[] | null {
  if (!isIPv4(text)) return null;
  return text.split('.').map(Number);
}

/** Eight 16-bit groups, or null when `text` is not an IPv6 address. A zone ("%eth0") is ignored. */
export function ipv6Groups(text: string): number[] | null {
  const address = text.split('%')[0]!;
  if (isIP(address) !== 6) return null;
  let head = address;
  const tail: number[] = [];
  // A trailing dotted IPv4 part stands for the last two groups.
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const octets = ipv4Octets(dotted[1]!)!;
    tail.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
    head = address.slice(0, address.length - dotted[1]!.length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const parseGroups = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const gap = head.indexOf('::');
  let groups: number[];
  if (gap === -1) groups = [...parseGroups(head), ...tail];
  else {
    const before = parseGroups(head.slice(0, gap));
    const after = [...parseGroups(head.slice(gap + 2)), ...tail];
    groups = [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
  }
  return groups.length === 8 ? groups : null;
}

/** Whether the first `bits` bits of two addresses, as units of `unitBits` bits each, agree. */
function samePrefix(address: readonly number[], prefix: readonly number[], bits: number, unitBits: number): boolean {
  for (let i = 0; i * unitBits < bits; i++) {
    const take = Math.min(unitBits, bits - i * unitBits);
    const shift = unitBits - take;
    if (address[i]! >>> shift !== prefix[i]! >>> shift) return false;
  }
  return true;
}

function classifyIPv4(octets: readonly number[]): string | null {
  return IPV4_SPECIAL.find((range) => samePrefix(octets, range.prefix, range.bits, 8))?.name ?? null;
}

function embeddedIPv4(high: number, low: number): number[] {
  return [high >>> 8, high & 0xff, low >>> 8, low & 0xff];
}

function classifyIPv6(groups: readonly number[]): string | null {
  for (const range of IPV6_EMBEDDING_IPV4) {
    if (!samePrefix(groups, range.prefix, range.bits, 16)) continue;
    const inner = embeddedIPv4(groups[6]!, groups[7]!);
    const innerRange = classifyIPv4(inner);
    return innerRange === null ? null : `${range.name} ${innerRange}`;
  }
  if (samePrefix(groups, SIX_TO_FOUR.prefix, SIX_TO_FOUR.bits, 16)) {
    const innerRange = classifyIPv4(embeddedIPv4(groups[1]!, groups[2]!));
    return innerRange === null ? null : `${SIX_TO_FOUR.name} ${innerRange}`;
  }
  return IPV6_SPECIAL.find((range) => samePrefix(groups, range.prefix, range.bits, 16))?.name ?? null;
}

/**
 * The name of the non-public range `address` is in ("loopback (127.0.0.0/8)", "IPv4-mapped
 * private (10.0.0.0/8)"), or null for a public address. Text that is not an IP address is
 * classified as "not an IP address", so that it is never mistaken for a public one.
 */
export function nonPublicRange(address: string): string | null {
  const octets = ipv4Octets(address);
  if (octets) return classifyIPv4(octets);
  const groups = ipv6Groups(address);
  if (groups) return classifyIPv6(groups);
  return 'not an IP address';
}
