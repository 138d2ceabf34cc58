// Fixed command sequences for the bugs the property tests found, so each one has a short, deterministic
// reproduction that keeps it fixed. Each test states the expected behaviour and fails, for the reason
// named, while the bug is there.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, type TestSim } from '../helpers/sim.ts';
import { SMALL_CONFIG, smallLab, SYS } from './generators.ts';

/** The default configuration unless `config` says otherwise (SMALL_CONFIG: 32 MB of TCE memory per adapter). */
async function withSim(lab: 'small' | 'default', fn: (t: TestSim) => Promise<void>, config?: object): Promise<void> {
  const t = await openSim(lab === 'small' ? { lab: smallLab(), config } : { config });
  try { await fn(t); } finally { t.close(); }
}

const memSys = async (t: TestSim) => (await t.ok(`lshwres -r mem -m ${SYS} --level sys -F curr_avail_sys_mem,sys_firmware_mem`)).trim();
const lpar = async (t: TestSim, name: string) => (await t.ok(`lssyscfg -r lpar -m ${SYS} --filter lpar_names=${name} -F state,curr_profile`)).trim();

describe('regressions found by the property tests', () => {
  it('editing the active profile of a running partition does not change hypervisor memory (no negative curr_avail_sys_mem)', async () => {
    await withSim('small', async (t) => {
      await t.ok(`chhwres -r mem -m ${SYS} -o a -p lp1 -q 256`); // the last free LMB: memory is now full
      assert.equal(await memSys(t), '0,768');
      // A profile change is pending until the next activation (platform.md §6.2): lp1 keeps running as it is.
      const veth = Array.from({ length: 8 }, (_, i) => `${i + 2}/0/1//0/0`).join(',');
      await t.ok(`chsyscfg -r prof -m ${SYS} -i 'name=default_profile,lpar_name=lp1,"virtual_eth_adapters=${veth}"'`);
      assert.equal(await memSys(t), '0,768', 'sys_firmware_mem grew for adapters that are not in use, leaving curr_avail_sys_mem negative');
    });
  });

  it('a list attribute holding a stray double quote is refused with an HSCL message, not thrown', async () => {
    await withSim('default', async (t) => {
      for (const line of [
        `chsyscfg -r prof -m ${SYS} -i 'name=default_profile,lpar_name=aix01,"io_slots=a""b"'`,
        `mksyscfg -r prof -m ${SYS} -i 'name=p2,lpar_name=aix01,min_mem=2048,desired_mem=2048,max_mem=2048,min_procs=1,desired_procs=1,max_procs=1,"virtual_eth_adapters=2/0/1//0/0,x"""'`,
      ]) {
        let r;
        try {
          r = await t.run(line);
        } catch (e) {
          assert.fail(`the command threw instead of answering: ${line}\n${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
        assert.notEqual(r.exit, 0);
        assert.match(r.text, /^HSCL[0-9A-Z]+ /);
      }
    });
  });

  it('renaming the profile a partition runs with keeps shutdown --restart working', async () => {
    await withSim('small', async (t) => {
      await t.ok(`chsyscfg -r prof -m ${SYS} -i name=default_profile,lpar_name=lp2,new_name=p2`);
      assert.equal(await lpar(t, 'lp2'), 'Running,p2');
      await t.ok(`chsysstate -r lpar -m ${SYS} -o shutdown -n lp2 --immed --restart`);
      assert.equal(await lpar(t, 'lp2'), 'Running,p2', 'the restart looked for the profile under its old name');
    });
  });

  it('virtual adapters added by DLPAR cost hypervisor memory like the same adapters activated from the profile', async () => {
    await withSim('small', async (t) => {
      await t.ok(`chsysstate -r lpar -m ${SYS} -o shutdown -n lp2 --immed`); // free memory for what follows
      const slots = [5, 6, 7, 8, 9, 10];
      // Six virtual Ethernet adapters added to running lp1 (platform.md §9)…
      for (const s of slots) await t.ok(`chhwres -r virtualio --rsubtype eth -m ${SYS} -o a -p lp1 -s ${s} -a port_vlan_id=1`);
      const dynamic = await memSys(t);
      // …and the same six adapters from lp1's profile at activation: the same adapters are in use, so the
      // hypervisor holds the same TCE memory for them (platform.md §5.2).
      await t.ok(`chsysstate -r lpar -m ${SYS} -o shutdown -n lp1 --immed`);
      await t.ok(`chsyscfg -r prof -m ${SYS} -i 'name=default_profile,lpar_name=lp1,"virtual_eth_adapters=${slots.map((s) => `${s}/0/1//0/0`).join(',')}"'`);
      await t.ok(`chsysstate -r lpar -m ${SYS} -o on -n lp1`);
      assert.equal((await t.ok(`lshwres -r virtualio --rsubtype eth --level lpar -m ${SYS} -F slot_num`)).trim().split('\n').join(','), slots.join(','));
      const activated = await memSys(t);
      assert.equal(dynamic.split(',')[1], activated.split(',')[1], 'sys_firmware_mem (after the DLPAR adds, then after activation) differs for the same adapters in use');
    }, SMALL_CONFIG);
  });

  it('the profile a partition runs with cannot be removed, renamed or not', async () => {
    await withSim('small', async (t) => {
      await t.ok(`mksyscfg -r prof -m ${SYS} -i name=alt,lpar_name=lp1,min_mem=512,desired_mem=1024,max_mem=2048,proc_mode=ded,min_procs=1,desired_procs=1,max_procs=1`);
      await t.ok(`chsysstate -r lpar -m ${SYS} -o shutdown -n lp1 --immed`);
      await t.ok(`chsysstate -r lpar -m ${SYS} -o on -n lp1 -f alt`);
      const direct = await t.run(`rmsyscfg -r prof -m ${SYS} -n alt -p lp1`);
      assert.match(direct.text, /^HSCLSIM11 /); // refused while lp1 runs with it
      await t.ok(`chsyscfg -r prof -m ${SYS} -i name=alt,lpar_name=lp1,new_name=alt2`);
      const renamed = await t.run(`rmsyscfg -r prof -m ${SYS} -n alt2 -p lp1`);
      assert.notEqual(renamed.exit, 0, 'the running profile was removed once renamed');
      assert.match(renamed.text, /^HSCLSIM11 /);
    });
  });
});
