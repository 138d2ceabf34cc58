// The AME compression accelerator is used only where the model has it AND the partition's
// hardware_mem_expansion (platform.md §5.5: a partition setting) is not 0; without the setting the model's
// capability decides. ameExtraPU (src/platform/hypervisor/runtime/memory-runtime.ts) reads the running
// allocation, which activation copies from the profile (src/platform/hypervisor/grant.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ameExtraPU } from '../../../../src/platform/hypervisor/runtime/memory-runtime.ts';
import { ameCpuCost } from '../../../../src/platform/hypervisor/memory/ame-cost.ts';
import { defaultConfig } from '../../../../src/sim/config.ts';
import type { ManagedSystem, Partition } from '../../../../src/platform/managed-system.ts';
import { openSim, S824 } from '../../../helpers/sim.ts';

const ame = defaultConfig().ame;
const sysWith = (hardwareAme: boolean) => ({ model: { capabilities: { hardwareAme } }, config: { ame } }) as unknown as ManagedSystem;
const aix = (factor: number, setting: 0 | 1 | undefined) => ({
  def: { os_version: 'AIX 7.3' },
  run: { alloc: { mem_expansion: factor, ...(setting === undefined ? {} : { hardware_mem_expansion: setting }) } },
}) as unknown as Partition;

describe('ameExtraPU and hardware_mem_expansion', () => {
  it('discounts only with the capability and a setting that is not 0', () => {
    fc.assert(fc.property(
      fc.boolean(), fc.constantFrom<0 | 1 | undefined>(0, 1, undefined), fc.double({ min: 1.01, max: 4, noNaN: true }),
      fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 8, noNaN: true }),
      (capable, setting, factor, compress, busy) => {
        const got = ameExtraPU(sysWith(capable), aix(factor, setting), busy, compress);
        const hardware = capable && setting !== 0;
        assert.equal(got, ameCpuCost(factor, compress, busy, { hardware, constants: ame }));
        assert.ok(got > 0);
        // With the accelerator in use the cost is the software cost × hardwareCostFactor (< 1 by default).
        const software = ameCpuCost(factor, compress, busy, { constants: ame });
        if (hardware) assert.ok(Math.abs(got - software * ame.hardwareCostFactor) < 1e-9 * software);
        else assert.equal(got, software);
      },
    ), { numRuns: 200 });
  });

  it('hardware_mem_expansion=0 on a model with the accelerator pays the full software cost', () => {
    const on = ameExtraPU(sysWith(true), aix(2, 1), 1, 0.6);
    const off = ameExtraPU(sysWith(true), aix(2, 0), 1, 0.6);
    assert.ok(off > on, `${off} > ${on}`);
    assert.equal(off, ameExtraPU(sysWith(false), aix(2, 1), 1, 0.6), 'as on a model without the accelerator');
  });

  it('activation carries the profile\'s setting into the running allocation; absent stays absent', async () => {
    const t = await openSim();
    try {
      const sys = t.sim.system(S824);
      const p = sys.partitionByName('aix04')!;
      const prof = p.def.profiles.find((x) => x.name === p.def.default_profile) ?? p.def.profiles[0];
      await t.ok(`chsysstate -r lpar -m ${S824} -o on -n aix04 -f ${prof.name}`);
      assert.equal('hardware_mem_expansion' in p.run.alloc!, false);
      await t.ok(`chsysstate -r lpar -m ${S824} -o shutdown --immed -n aix04`);
      prof.hardware_mem_expansion = 0; // no CLI attribute sets it yet (it is refused as not supported)
      await t.ok(`chsysstate -r lpar -m ${S824} -o on -n aix04 -f ${prof.name}`);
      assert.equal(p.run.alloc!.hardware_mem_expansion, 0);
    } finally {
      t.close();
    }
  });
});
