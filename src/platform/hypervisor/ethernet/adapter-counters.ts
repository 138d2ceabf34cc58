// Per-adapter statistics, as entstat reports them (packets, bytes, broadcast and multicast packets,
// errors and drops, each way). Plain numeric fields: counting allocates nothing.
import { BROADCAST_MAC, isGroupMac, readMac } from './mac.ts';

export class AdapterCounters {
  txPackets = 0; txBytes = 0; txBroadcast = 0; txMulticast = 0; txErrors = 0; txDropped = 0;
  rxPackets = 0; rxBytes = 0; rxBroadcast = 0; rxMulticast = 0; rxErrors = 0; rxDropped = 0;

  countTx(len: number, f: Uint8Array): void {
    this.txPackets++; this.txBytes += len;
    if (isGroupMac(f, 0)) { if (readMac(f, 0) === BROADCAST_MAC) this.txBroadcast++; else this.txMulticast++; }
  }

  countRx(len: number, f: Uint8Array): void {
    this.rxPackets++; this.rxBytes += len;
    if (isGroupMac(f, 0)) { if (readMac(f, 0) === BROADCAST_MAC) this.rxBroadcast++; else this.rxMulticast++; }
  }
}
