// The `powervm-sim` command. It only wires parts together (STYLE.md "thin entrypoints").
import { Command } from 'commander';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastClock, RealClock, type Clock } from './sim/clock.ts';
import { defaultConfig, loadConfigFile, type SimConfig } from './sim/config.ts';
import { controlSocketPath, dataDir, lockDataDir } from './sim/data-dir.ts';
import { Simulator } from './sim/simulator.ts';
import { sendControl, serveControl, type ControlFace } from './hmc/control/control-socket.ts';
import type { CommandResult } from './hmc/cli/command.ts';
import { runSystem } from './sim/system-process.ts';
import { startHmcSsh } from './hmc/ssh/hmc-ssh.ts';
import { loadLab } from './sim/lab.ts';
import { HardwareDescription } from './platform/io/hardware.ts';
import { readFileSync } from 'node:fs';

const program = new Command('powervm-sim')
  .description('A running simulator of IBM PowerVM managed by a Hardware Management Console')
  .option('--data-dir <dir>', 'data directory (default $POWERVM_SIM_HOME or ~/.powervm-sim)')
  .option('--config <file>', 'JSON file overriding the simulator configuration')
  .enablePositionalOptions();

const config = (): SimConfig => {
  const f = program.opts().config as string | undefined;
  return f ? loadConfigFile(f) : defaultConfig();
};

/** `--speed`: a number (n× the wall clock) or `max` (jump to the next event whenever idle). */
function clockFor(speed: string): Clock {
  if (speed === 'max') return FastClock.startingNow();
  const n = Number(speed);
  if (!(n > 0)) throw new Error(`--speed takes a positive number or max, not ${speed}`);
  return new RealClock(n);
}

/** Send one command to the running simulator, or, when none runs, open its data directory for it. */
async function oneShot(face: ControlFace, argv: string[], user: string, direct: (sim: Simulator) => Promise<CommandResult> | CommandResult): Promise<void> {
  const dir = dataDir(program.opts().dataDir);
  const sock = process.env.POWERVM_SIM_SOCKET ?? controlSocketPath(dir);
  let r = await sendControl(sock, argv, user, face);
  if (!r) {
    const release = lockDataDir(dir);
    try {
      const sim = await Simulator.open({ dataDir: dir, config: config(), clock: new RealClock() });
      r = await direct(sim);
      sim.close();
    } finally {
      release();
    }
  }
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.exit;
}

program.command('start')
  .description('start the simulator with its lab (built on first start, restored afterwards)')
  .option('--memory', 'keep everything in memory; nothing is written to disk')
  .option('--lab <name-or-file>', 'lab to build on first start', 'default')
  .option('--speed <n>', "simulated time runs n times faster than the wall clock ('max': as fast as possible)", '1')
  .option('--ssh-port <n>', 'port of the HMC SSH server (22 for tools that hard-code it; 0: any free port)', '2222')
  .option('--listen-host <addr>', 'address the SSH server listens on', '0.0.0.0')
  .action(async (o: { memory?: boolean; lab: string; speed: string; sshPort: string; listenHost: string }) => {
    const dir = dataDir(program.opts().dataDir);
    const release = o.memory ? () => {} : lockDataDir(dir);
    const sim = await Simulator.open({ dataDir: dir, memory: o.memory, lab: o.lab, config: config(), clock: clockFor(o.speed) });
    const sock = o.memory ? join(tmpdir(), `powervm-sim-${process.pid}.sock`) : controlSocketPath(dir);
    const server = await serveControl(sock, async (argv, user, face) =>
      face === 'san' ? sim.sanCommand(argv) : face === 'os' ? sim.osCommand(argv[0], argv[1], argv.slice(2).join(' '))
        : face === 'workload' ? sim.workloadCommand(argv) : sim.hmcCommand(argv, { user }));
    const ssh = await startHmcSsh(sim.hmc, { hostKeyPath: o.memory ? null : join(dir, 'hmc', 'ssh_host_ecdsa_key'), host: o.listenHost, port: Number(o.sshPort) });
    const stop = (): void => { server.close(); void ssh.close(); sim.close(); release(); process.exit(0); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const names = sim.systems.map((s) => `  ${s.name} (${s.model.name}, ${s.model.generation})`).join('\n');
    process.stdout.write(`PowerVM simulator running (${o.memory ? 'in memory' : `data in ${dir}`}).\nManaged systems:\n${names}\n` +
      `HMC SSH on ${o.listenHost}:${ssh.port} (user hscroot, password abc123): ssh -p ${ssh.port} hscroot@127.0.0.1\n` +
      `Run HMC commands with: ${o.memory ? `POWERVM_SIM_SOCKET=${sock} ` : ''}npx powervm-sim hmc lssyscfg -r sys -F name,state\n`);
  });

program.command('system')
  .description('run one managed system (FSP and hypervisor) as its own process, serving the HMC link over TCP')
  .option('--hardware <file.json>', 'hardware description of the system (as in a lab file)')
  .option('--lab <name-or-file>', 'take the system from a lab file instead', 'default')
  .option('--index <n>', 'which system of the lab', '0')
  .option('--listen <host:port>', 'address of the HMC link', '127.0.0.1:30000')
  .option('--memory', 'keep NVRAM in memory only')
  .option('--preset-passwords', 'set the FSP passwords from the description instead of waiting for chsyspwd')
  .option('--speed <n>', 'simulated time runs n times faster than the wall clock', '1')
  .action(async (o: { hardware?: string; lab: string; index: string; listen: string; memory?: boolean; presetPasswords?: boolean; speed: string }) => {
    const hardware = o.hardware ? HardwareDescription.parse(JSON.parse(readFileSync(o.hardware, 'utf8'))) : loadLab(o.lab).file.systems[Number(o.index)];
    if (!hardware) throw new Error(`the lab has no system ${o.index}`);
    const m = /^(.*):(\d+)$/.exec(o.listen);
    if (!m) throw new Error('--listen takes host:port');
    const dir = o.memory ? null : dataDir(program.opts().dataDir);
    const release = dir ? lockDataDir(join(dir, 'systems', `${hardware.mtm}_${hardware.serial}`)) : () => {};
    const r = await runSystem({ hardware, dataDir: dir, host: m[1], port: Number(m[2]), config: config(), clock: clockFor(o.speed), presetPasswords: o.presetPasswords });
    const stop = (): void => { r.close(); release(); process.exit(0); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.stdout.write(`listening ${r.address} ${r.system.name}\n`);
  });

program.command('coverage')
  .description('list every implemented HMC command with the options it accepts (generated from the command registry)')
  .action(async () => {
    const { COMMANDS } = await import('./hmc/cli/registry.ts');
    process.stdout.on('error', () => { /* a closed pipe (| head) is not an error */ });
    process.stdout.write(Object.entries(COMMANDS).sort(([a], [b]) => a.localeCompare(b))
      .map(([name, def]) => `${name} ${Object.keys(def.flags).sort().join(' ')}\n`).join(''));
  });

program.command('san')
  .description("run one storage administrator's command on the lab's SAN (switches, zones, arrays, LUNs, host mappings)")
  .argument('<words...>', 'e.g. lslun, mklun -a ARRAY -n NAME --size MB, mkhostmap -a ARRAY -l LUN -w WWPN')
  .passThroughOptions()
  .allowUnknownOption()
  .action((words: string[]) => oneShot('san', words, 'admin', (sim) => sim.sanCommand(words)));

program.command('os')
  .description("run a command inside a running partition's operating system (what the partition sees)")
  .argument('<system>', 'managed system name')
  .argument('<lpar>', 'partition name')
  .argument('<command...>', 'e.g. lspv, lsdev -Cc disk, lspath')
  .passThroughOptions()
  .allowUnknownOption()
  .action((system: string, lpar: string, command: string[]) =>
    oneShot('os', [system, lpar, ...command], 'root', (sim) => sim.osCommand(system, lpar, command.join(' '))));

program.command('workload')
  .description("set, clear or show what runs in a partition (its processor and memory demand)")
  .argument('<system>', 'managed system name')
  .argument('<lpar>', 'partition name or id')
  .argument('[statement...]', 'e.g. constant pu=1.5 mem=75%; daily base=0.2 peak=2 peak_hour=14; burst base=0.1 peak=3 period=600 duration=60; csv file=trace.csv; none')
  .passThroughOptions()
  .allowUnknownOption()
  .action((system: string, lpar: string, statement: string[]) =>
    oneShot('workload', [system, lpar, ...statement], 'root', (sim) => sim.workloadCommand([system, lpar, ...statement])));

program.command('hmc')
  .description('run one HMC command against the running simulator (or directly on its data directory)')
  .argument('<words...>', 'the HMC command, e.g. lssyscfg -r sys')
  .passThroughOptions()
  .allowUnknownOption()
  .option('--user <name>', 'HMC user to run the command as', 'hscroot')
  .action((words: string[], o: { user: string }) => oneShot('hmc', words, o.user, (sim) => sim.hmcCommand(words, { user: o.user })));

await program.parseAsync(process.argv);
