// The `powervm-sim` command. It only wires parts together (STYLE.md "thin entrypoints").
import { Command } from 'commander';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RealClock } from './sim/clock.ts';
import { defaultConfig, loadConfigFile, type SimConfig } from './sim/config.ts';
import { controlSocketPath, dataDir, lockDataDir } from './sim/data-dir.ts';
import { Simulator } from './sim/simulator.ts';
import { sendControl, serveControl } from './hmc/control/control-socket.ts';

const program = new Command('powervm-sim')
  .description('A running simulator of IBM PowerVM managed by a Hardware Management Console')
  .option('--data-dir <dir>', 'data directory (default $POWERVM_SIM_HOME or ~/.powervm-sim)')
  .option('--config <file>', 'JSON file overriding the simulator configuration')
  .enablePositionalOptions();

const config = (): SimConfig => {
  const f = program.opts().config as string | undefined;
  return f ? loadConfigFile(f) : defaultConfig();
};

program.command('start')
  .description('start the simulator with its lab (built on first start, restored afterwards)')
  .option('--memory', 'keep everything in memory; nothing is written to disk')
  .option('--lab <name-or-file>', 'lab to build on first start', 'default')
  .option('--speed <n>', 'simulated time runs n times faster than the wall clock', '1')
  .action(async (o: { memory?: boolean; lab: string; speed: string }) => {
    const dir = dataDir(program.opts().dataDir);
    const release = o.memory ? () => {} : lockDataDir(dir);
    const sim = await Simulator.open({ dataDir: dir, memory: o.memory, lab: o.lab, config: config(), clock: new RealClock(Number(o.speed)) });
    const sock = o.memory ? join(tmpdir(), `powervm-sim-${process.pid}.sock`) : controlSocketPath(dir);
    const server = await serveControl(sock, (argv, user) => sim.hmcCommand(argv, { user }));
    const stop = (): void => { server.close(); sim.close(); release(); process.exit(0); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const names = sim.systems.map((s) => `  ${s.name} (${s.model.name}, ${s.model.generation})`).join('\n');
    process.stdout.write(`PowerVM simulator running (${o.memory ? 'in memory' : `data in ${dir}`}).\nManaged systems:\n${names}\n` +
      `Run HMC commands with: ${o.memory ? `POWERVM_SIM_SOCKET=${sock} ` : ''}npx powervm-sim hmc lssyscfg -r sys -F name,state\n`);
  });

program.command('hmc')
  .description('run one HMC command against the running simulator (or directly on its data directory)')
  .argument('<words...>', 'the HMC command, e.g. lssyscfg -r sys')
  .passThroughOptions()
  .allowUnknownOption()
  .option('--user <name>', 'HMC user to run the command as', 'hscroot')
  .action(async (words: string[], o: { user: string }) => {
    const dir = dataDir(program.opts().dataDir);
    const sock = process.env.POWERVM_SIM_SOCKET ?? controlSocketPath(dir);
    let r = await sendControl(sock, words, o.user);
    if (!r) {
      const release = lockDataDir(dir);
      try {
        const sim = await Simulator.open({ dataDir: dir, config: config(), clock: new RealClock() });
        r = await sim.hmcCommand(words, { user: o.user });
        sim.close();
      } finally {
        release();
      }
    }
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.exit;
  });

await program.parseAsync(process.argv);
