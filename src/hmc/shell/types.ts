// What the restricted shell needs from the HMC that hosts it, and what one command line gives back.

export interface ShellIO { stdout: string; stderr: string; exit: number }

export interface ShellHost {
  /** Is `name` an HMC command the host can run (lssyscfg, chsysstate, viosvrcmd, …)? */
  isHmcCommand(name: string): boolean;
  /** Run one HMC command; stdin is what a pipe feeds it (usually ignored). */
  runHmc(argv: string[], stdin: string): Promise<ShellIO>;
  /** Simulated time in ms since the epoch (for `date`); never read the wall clock. */
  now(): number;
}
