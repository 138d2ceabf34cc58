// The partition's ARP cache: IP → MAC, each entry forgotten after the AIX lifetime (arpt_killc, 20
// minutes by default; config network.arpTimeoutMs) of simulated time.
import type { ArpCache } from '../../../platform/hypervisor/ethernet/ip-endpoint.ts';

export class ArpTable implements ArpCache {
  private readonly entries = new Map<number, { mac: number; expires: number }>();
  constructor(private readonly now: () => number, private readonly lifetimeMs: number) {}

  get(ip: number): number | undefined {
    const e = this.entries.get(ip);
    if (!e) return undefined;
    if (e.expires <= this.now()) { this.entries.delete(ip); return undefined; }
    return e.mac;
  }
  has(ip: number): boolean { return this.get(ip) !== undefined; }
  set(ip: number, mac: number): void { this.entries.set(ip, { mac, expires: this.now() + this.lifetimeMs }); }
  clear(): void { this.entries.clear(); }
  list(): { ip: number; mac: number }[] {
    return [...this.entries.keys()].flatMap((ip) => { const mac = this.get(ip); return mac === undefined ? [] : [{ ip, mac }]; });
  }
}
