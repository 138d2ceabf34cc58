// The benchmark lab: one POWER9 E980 (9080-M9S) big enough for 1,000 partitions, connected and empty.
// max partitions = min(platform cap 1000, 64 cores / 0.05 units per virtual processor = 1280) = 1000.
import { parseScript, type Lab } from '../src/sim/lab.ts';

export const SERIAL = '78B9E80';
export const FSP_IP = '10.10.0.31';
export const SYS = `Server-9080-M9S-SN${SERIAL}`;

export function bigLab(): Lab {
  return {
    file: {
      name: 'bench-e980',
      systems: [{
        mtm: '9080-M9S', serial: SERIAL, fspIp: FSP_IP, cores: 64, memoryGB: 4096, lmbMB: 256,
        fspPasswords: { access: 'benchpass', admin: 'benchadmin', general: 'benchgeneral' },
        units: [{ type: '78D3', model: '001', serial: 'WZS0E80', slots: [
          { loc: 'C1', adapter: 'fc-16gb-2port' },
          { loc: 'C2', adapter: 'eth-2port-10gb' },
        ] }],
      }],
    },
    script: parseScript(`mksysconn -ip ${FSP_IP} --passwd benchpass\n`),
  };
}
