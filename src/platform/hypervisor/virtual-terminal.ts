// One partition's console as the hypervisor carries it: the virtual serial server adapter in slot 0, "the HMC
// virtual console" (platform.md §7.3). What the partition writes goes into a bounded buffer addressed by a
// running character count, so a reader asks for "everything since cursor N" and learns where it now stands;
// what is typed goes to whoever drives the partition's side (its firmware or OS).
//
// The cursor counts UTF-16 code units, not bytes: consoles print ASCII, where the two are the same.

export interface ConsoleRead {
  data: string;
  /** Where the next read starts. */
  cursor: number;
  /** True when the reader fell so far behind that the oldest part of what it asked for was dropped. */
  lost: boolean;
}

export class VirtualTerminal {
  private text = '';
  private total = 0;
  constructor(private readonly capacity: number) {}

  /** Characters written since the partition was created (the end of the stream). */
  get cursor(): number { return this.total; }
  /** The oldest cursor still held. */
  get start(): number { return this.total - this.text.length; }

  write(s: string): void {
    if (s === '') return;
    this.total += s.length;
    this.text += s;
    if (this.text.length > this.capacity) this.text = this.text.slice(this.text.length - this.capacity);
  }

  read(from: number): ConsoleRead {
    const at = Math.min(Math.max(from, this.start), this.total);
    return { data: this.text.slice(at - this.start), cursor: this.total, lost: from < this.start };
  }

  /** Take back what was written after `cursor` (a change that wrote it was rolled back). */
  truncate(cursor: number): void {
    if (cursor >= this.total) return;
    // No reader has seen past the mark (a change runs without interruption), so the cursor simply goes back.
    this.text = this.text.slice(0, Math.max(0, cursor - this.start));
    this.total = cursor;
  }
}
