// A partition's virtual Ethernet adapter as its OS transmits through it: the frame goes onto the frame
// queue, addressed to the adapter's port on its virtual switch, with one virtual switch hop of latency.
import type { FrameQueue } from '../../../platform/hypervisor/ethernet/frame-queue.ts';
import type { EndpointLink } from '../../../platform/hypervisor/ethernet/ip-endpoint.ts';
import type { HopCost } from '../../../platform/hypervisor/ethernet/hop-cost.ts';

export class VswitchLink implements EndpointLink {
  /** The switch (queue target) and port; -1 while the adapter is not on a switch (partition not running). */
  target = -1;
  port = -1;
  constructor(private readonly queue: FrameQueue, private readonly hop: HopCost) {}

  transmit(frame: Uint8Array, len: number, extraNs: number): boolean {
    if (this.port < 0) return false;
    return this.queue.send(this.target, this.port, frame, len, extraNs + this.hop.ns(len));
  }

  latencyNs(): number { return this.queue.latencyNs; }
}
