// lshwres -r proc | mem | io | procpool | mempool (hmc-cli.md §6.5; platform.md §5.3, §6.1, §6.3, §8).
// Field orders marked VERIFIED in the reference are compared name by name; values come from the default
// lab script, and derived values (free processors and memory, hypervisor memory) are checked through
// their relation to the other listings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, S824, P795, centi, csvSplit, keys, lines, record, refused, invalidAttribute, sysField, silent } from './cli-support.ts';

/** platform.md §6.1: `lshwres -r proc --level sys` (VERIFIED order, POWER5). */
const PROC_SYS = ['configurable_sys_proc_units', 'curr_avail_sys_proc_units', 'pend_avail_sys_proc_units',
  'installed_sys_proc_units', 'deconfig_sys_proc_units', 'min_proc_units_per_virtual_proc', 'max_virtual_procs_per_lpar',
  'max_procs_per_lpar', 'max_curr_virtual_procs_per_aixlinux_lpar', 'max_curr_virtual_procs_per_vios_lpar',
  'max_curr_virtual_procs_per_os400_lpar', 'max_curr_procs_per_aixlinux_lpar', 'max_curr_procs_per_vios_lpar',
  'max_curr_procs_per_os400_lpar', 'max_shared_proc_pools'];

/** platform.md §6.1: `lshwres -r proc --level lpar` (VERIFIED order, shared LPAR). */
const PROC_LPAR = ['lpar_name', 'lpar_id', 'curr_shared_proc_pool_id', 'curr_proc_mode', 'curr_min_proc_units',
  'curr_proc_units', 'curr_max_proc_units', 'curr_min_procs', 'curr_procs', 'curr_max_procs', 'curr_sharing_mode',
  'curr_uncap_weight', 'pend_shared_proc_pool_id', 'pend_proc_mode', 'pend_min_proc_units', 'pend_proc_units',
  'pend_max_proc_units', 'pend_min_procs', 'pend_procs', 'pend_max_procs', 'pend_sharing_mode', 'pend_uncap_weight',
  'run_proc_units', 'run_procs', 'run_uncap_weight'];

/** platform.md §5.3: `lshwres -r mem --level sys` (VERIFIED order, POWER5; newer levels append fields). */
const MEM_SYS = ['configurable_sys_mem', 'curr_avail_sys_mem', 'pend_avail_sys_mem', 'installed_sys_mem', 'deconfig_sys_mem',
  'sys_firmware_mem', 'mem_region_size', 'configurable_num_sys_huge_pages', 'curr_avail_num_sys_huge_pages',
  'pend_avail_num_sys_huge_pages', 'max_num_sys_huge_pages', 'requested_num_sys_huge_pages', 'huge_page_size',
  'max_mem_pools', 'default_hpt_ratios', 'possible_hpt_ratios'];

/** platform.md §5.3: `lshwres -r mem --level lpar` (VERIFIED order; VIOS rows omit the huge-page fields). */
const MEM_LPAR = ['lpar_name', 'lpar_id', 'curr_min_mem', 'curr_mem', 'curr_max_mem', 'pend_min_mem', 'pend_mem', 'pend_max_mem',
  'run_min_mem', 'run_mem', 'curr_min_num_huge_pages', 'curr_num_huge_pages', 'curr_max_num_huge_pages',
  'pend_min_num_huge_pages', 'pend_num_huge_pages', 'pend_max_num_huge_pages', 'run_num_huge_pages', 'mem_mode', 'curr_hpt_ratio'];

/** platform.md §8: `lshwres -r io --rsubtype slot` (VERIFIED order; unassigned slots omit lpar_name). */
const SLOT = ['unit_phys_loc', 'bus_id', 'phys_loc', 'drc_index', 'lpar_name', 'lpar_id', 'slot_io_pool_id', 'description',
  'feature_codes', 'pci_vendor_id', 'pci_device_id', 'pci_subs_vendor_id', 'pci_subs_device_id', 'pci_class',
  'pci_revision_id', 'bus_grouping', 'iop', 'parent_slot_drc_index', 'drc_name', 'interposer_present', 'interposer_pcie'];

/** True when `sub` lists names in the same relative order as `full`. */
const inOrder = (sub: string[], full: string[]): boolean => sub.every((k, i) => i === 0 || full.indexOf(sub[i - 1]) < full.indexOf(k));

/** Processing units held: dedicated cores + shared entitlements + pool reservations, from the listings. */
async function heldCenti(t: Awaited<ReturnType<typeof lab>>, m: string): Promise<number> {
  let held = 0;
  for (const l of lines(await t.ok(`lshwres -r proc -m ${m} --level lpar -F curr_proc_mode,curr_procs,curr_proc_units`))) {
    const [mode, procs, units] = csvSplit(l, ',');
    held += mode === 'ded' ? Number(procs) * 100 : centi(units);
  }
  for (const l of lines(await t.ok(`lshwres -r procpool -m ${m} -F shared_proc_pool_id,curr_reserved_pool_proc_units`))) {
    const [id, reserved] = csvSplit(l, ',');
    if (id !== '0') held += centi(reserved);
  }
  return held;
}

async function memHeld(t: Awaited<ReturnType<typeof lab>>, m: string): Promise<number> {
  return lines(await t.ok(`lshwres -r mem -m ${m} --level lpar -F curr_mem`)).reduce((a, b) => a + Number(b), 0);
}

describe('lshwres -r proc --level sys', () => {
  it('POWER8 S824: 16 cores, 0.05 PU per virtual processor, 64 pools, in the VERIFIED field order', async () => {
    const t = await lab();
    const line = lines(await t.ok(`lshwres -r proc -m ${S824} --level sys`));
    assert.equal(line.length, 1);
    assert.deepEqual(keys(line[0]), PROC_SYS);
    const r = record(line[0]);
    assert.equal(r.get('configurable_sys_proc_units'), '16.0');
    assert.equal(r.get('installed_sys_proc_units'), '16.0');
    assert.equal(r.get('deconfig_sys_proc_units'), '0');
    assert.equal(r.get('min_proc_units_per_virtual_proc'), '0.05');
    assert.equal(r.get('max_shared_proc_pools'), '64');
    // 16 − vios1 2 − vios2 2 − aix01 1.0 − lnx02 0.5 − aix03 0.5 − ProdPool reserve 0.5 = 9.5
    assert.equal(r.get('curr_avail_sys_proc_units'), '9.5');
    assert.equal(r.get('pend_avail_sys_proc_units'), '9.5');
    assert.equal(centi(r.get('curr_avail_sys_proc_units')!), 1600 - await heldCenti(t, S824));
  });

  it('POWER7 795: 64 of 128 cores activated, 0.10 PU per virtual processor', async () => {
    const t = await lab();
    const r = record(await t.ok(`lshwres -r proc -m ${P795} --level sys`));
    assert.equal(r.get('configurable_sys_proc_units'), '64.0');
    assert.equal(r.get('installed_sys_proc_units'), '128.0');
    assert.equal(r.get('min_proc_units_per_virtual_proc'), '0.1');
    // 64 − 2 − 2 − aix11 2.0 − aix12 4 − aix14 0.5 = 53.5 (DBPool reserves nothing)
    assert.equal(r.get('curr_avail_sys_proc_units'), '53.5');
    assert.equal(centi(r.get('curr_avail_sys_proc_units')!), 6400 - await heldCenti(t, P795));
  });

  it('-F installed_sys_proc_units,curr_avail_sys_proc_units; HMC Scanner aligned spacing is accepted', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lshwres -r proc -m ${S824} --level sys -F installed_sys_proc_units,curr_avail_sys_proc_units`), '16.0,9.5\n');
    assert.equal(await t.ok(`lshwres -r proc     --level sys     -m '${S824}'`), await t.ok(`lshwres -r proc -m ${S824} --level sys`));
  });

  it('--level is required', async () => {
    const t = await lab();
    await refused(t, `lshwres -r proc -m ${S824}`, 'HSCLSIM28');
  });
});

describe('lshwres -r proc --level lpar', () => {
  it('a shared partition prints every VERIFIED field in order', async () => {
    const t = await lab();
    const out = await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter lpar_names=aix01`);
    assert.equal(out, 'lpar_name=aix01,lpar_id=3,curr_shared_proc_pool_id=0,curr_proc_mode=shared,curr_min_proc_units=0.5,curr_proc_units=1.0,curr_max_proc_units=4.0,curr_min_procs=1,curr_procs=2,curr_max_procs=4,curr_sharing_mode=uncap,curr_uncap_weight=128,pend_shared_proc_pool_id=0,pend_proc_mode=shared,pend_min_proc_units=0.5,pend_proc_units=1.0,pend_max_proc_units=4.0,pend_min_procs=1,pend_procs=2,pend_max_procs=4,pend_sharing_mode=uncap,pend_uncap_weight=128,run_proc_units=1.0,run_procs=2,run_uncap_weight=128\n');
    assert.deepEqual(keys(out), PROC_LPAR);
  });

  it('a partition in a configured pool shows its pool id; a capped one shows weight 0', async () => {
    const t = await lab();
    const aix03 = record(await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter lpar_names=aix03`));
    assert.equal(aix03.get('curr_shared_proc_pool_id'), '1');
    assert.equal(aix03.get('curr_uncap_weight'), '64');
    assert.equal(await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter lpar_names=lnx02 -F curr_sharing_mode,curr_uncap_weight,curr_proc_units`), 'cap,0,0.5\n');
  });

  it('a dedicated partition omits the processing-unit fields and keeps the order of the others', async () => {
    const t = await lab();
    const out = await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter lpar_names=vios1`);
    const k = keys(out);
    assert.ok(inOrder(k, PROC_LPAR), k.join(','));
    for (const f of k) assert.ok(PROC_LPAR.includes(f), f);
    assert.ok(!k.some((f) => f.endsWith('proc_units') || f.endsWith('uncap_weight')), k.join(','));
    const r = record(out);
    assert.deepEqual([r.get('curr_proc_mode'), r.get('curr_min_procs'), r.get('curr_procs'), r.get('curr_max_procs'), r.get('curr_sharing_mode')],
      ['ded', '1', '2', '4', 'share_idle_procs_always']);
  });

  it('Not Activated partitions show 0.0 and 0 in the current, pending and run fields', async () => {
    const t = await lab();
    const aix04 = record(await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter lpar_names=aix04`));
    for (const f of ['curr_min_procs', 'curr_procs', 'curr_max_procs', 'pend_procs', 'run_procs']) assert.equal(aix04.get(f), '0', f);
    const ibmi = record(await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter lpar_names=ibmi05`));
    for (const f of ['curr_min_proc_units', 'curr_proc_units', 'curr_max_proc_units', 'pend_proc_units', 'run_proc_units']) assert.equal(ibmi.get(f), '0.0', f);
    assert.equal(ibmi.get('curr_procs'), '0');
  });

  it('--filter lpar_ids=3,4 -F lpar_name,curr_proc_units --header', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lshwres -r proc -m ${S824} --level lpar --filter lpar_ids=3,4 -F lpar_name,curr_proc_units --header`),
      'lpar_name,curr_proc_units\naix01,1.0\nlnx02,0.5\n');
  });

  it('an unknown partition is HSCL8012; an unknown field is the invalid-attribute message', async () => {
    const t = await lab();
    await refused(t, `lshwres -r proc -m ${S824} --level lpar --filter lpar_names=nosuch`, 'HSCL8012');
    await refused(t, `lshwres -r proc -m ${S824} --level lpar -F lpar_name,curr_bogus`, invalidAttribute('curr_bogus'));
  });
});

describe('lshwres -r mem --level sys', () => {
  it('S824: 512 GB, LMB 256 MB, the VERIFIED fields first; hpt ratios quoted as a list', async () => {
    const t = await lab();
    const line = (await t.ok(`lshwres -r mem -m ${S824} --level sys`)).replace(/\n$/, '');
    assert.deepEqual(keys(line).slice(0, MEM_SYS.length), MEM_SYS);
    assert.ok(line.includes(',default_hpt_ratios=1:64,"possible_hpt_ratios=1:32,1:64,1:128,1:256,1:512"'), line);
    const r = record(line);
    assert.equal(r.get('configurable_sys_mem'), '524288');
    assert.equal(r.get('installed_sys_mem'), '524288');
    assert.equal(r.get('deconfig_sys_mem'), '0');
    assert.equal(r.get('mem_region_size'), '256');
    assert.equal(r.get('huge_page_size'), '16384');
    assert.equal(r.get('pend_avail_sys_mem'), r.get('curr_avail_sys_mem'));
  });

  it('free memory = configurable − hypervisor memory − partitions\' memory; hypervisor memory is in whole LMBs', async () => {
    const t = await lab();
    for (const m of [S824, P795]) {
      const [conf, avail, fw, lmb] = (await sysField(t, 'mem', 'configurable_sys_mem,curr_avail_sys_mem,sys_firmware_mem,mem_region_size', m)).split(',').map(Number);
      assert.equal(avail, conf - fw - await memHeld(t, m), m);
      assert.equal(fw % lmb, 0, m);
      assert.ok(fw > 0, m);
    }
    assert.equal(await sysField(t, 'mem', 'configurable_sys_mem,installed_sys_mem', P795), '1048576,2097152');
  });

  it('activating a partition takes its desired memory plus a page table sized from its maximum', async () => {
    const t = await lab();
    const [avail0, fw0] = (await sysField(t, 'mem', 'curr_avail_sys_mem,sys_firmware_mem')).split(',').map(Number);
    await silent(t, `chsysstate -r lpar -m ${S824} -o on -n aix04 -f default_profile`);
    const [avail1, fw1] = (await sysField(t, 'mem', 'curr_avail_sys_mem,sys_firmware_mem')).split(',').map(Number);
    // aix04: desired 4096 MB; HPT = 8192 / 64 = 128 MB, rounded into whole 256 MB LMBs of hypervisor memory.
    assert.ok(fw1 - fw0 >= 128 && (fw1 - fw0) % 256 === 0, `${fw0} -> ${fw1}`);
    assert.equal(avail0 - avail1, 4096 + (fw1 - fw0));
  });

  it('-F installed_sys_mem,curr_avail_sys_mem,mem_region_size', async () => {
    const t = await lab();
    const [inst, avail, lmb] = (await sysField(t, 'mem', 'installed_sys_mem,curr_avail_sys_mem,mem_region_size')).split(',');
    assert.equal(inst, '524288');
    assert.equal(lmb, '256');
    assert.equal(avail, record(await t.ok(`lshwres -r mem -m ${S824} --level sys`)).get('curr_avail_sys_mem'));
  });
});

describe('lshwres -r mem --level lpar', () => {
  it('an AIX partition prints every VERIFIED field; a VIOS omits the huge-page fields', async () => {
    const t = await lab();
    const aix01 = await t.ok(`lshwres -r mem -m ${S824} --level lpar --filter lpar_names=aix01`);
    assert.equal(aix01, 'lpar_name=aix01,lpar_id=3,curr_min_mem=2048,curr_mem=8192,curr_max_mem=16384,pend_min_mem=2048,pend_mem=8192,pend_max_mem=16384,run_min_mem=2048,run_mem=8192,curr_min_num_huge_pages=0,curr_num_huge_pages=0,curr_max_num_huge_pages=0,pend_min_num_huge_pages=0,pend_num_huge_pages=0,pend_max_num_huge_pages=0,run_num_huge_pages=0,mem_mode=ded,curr_hpt_ratio=1:64\n');
    assert.deepEqual(keys(aix01), MEM_LPAR);
    const vios1 = await t.ok(`lshwres -r mem -m ${S824} --level lpar --filter lpar_names=vios1`);
    assert.equal(vios1, 'lpar_name=vios1,lpar_id=1,curr_min_mem=4096,curr_mem=8192,curr_max_mem=16384,pend_min_mem=4096,pend_mem=8192,pend_max_mem=16384,run_min_mem=4096,run_mem=8192,mem_mode=ded,curr_hpt_ratio=1:64\n');
    assert.deepEqual(keys(vios1), MEM_LPAR.filter((f) => !f.includes('huge_pages')));
  });

  it('Not Activated partitions show 0 in every memory field', async () => {
    const t = await lab();
    const r = record(await t.ok(`lshwres -r mem -m ${S824} --level lpar --filter lpar_names=aix04`));
    for (const f of MEM_LPAR.slice(2, 17)) assert.equal(r.get(f), '0', f);
  });

  it('--level lpar -F lpar_name,curr_mem lists every partition by id', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lshwres -r mem -m ${S824} --level lpar -F lpar_name,curr_mem`),
      'vios1,8192\nvios2,8192\naix01,8192\nlnx02,4096\naix03,4096\naix04,0\nibmi05,0\n');
  });
});

describe('lshwres -r io --rsubtype slot', () => {
  it('lists the slots of the S824 drawer with the VERIFIED fields; owned slots name their partition', async () => {
    const t = await lab();
    const out = lines(await t.ok(`lshwres -r io --rsubtype slot -m ${S824}`));
    assert.equal(out.length, 11);
    assert.equal(out[0], 'unit_phys_loc=U78C9.001.WZS0A1B,bus_id=512,phys_loc=C2,drc_index=21010200,lpar_name=vios1,lpar_id=1,slot_io_pool_id=none,description=PCIe3 RAID SAS Adapter Quad-port 6Gb x8,"feature_codes=EJ0J,EJ0M",pci_vendor_id=1014,pci_device_id=034A,pci_subs_vendor_id=1014,pci_subs_device_id=04FB,pci_class=0104,pci_revision_id=01,bus_grouping=0,iop=0,parent_slot_drc_index=none,drc_name=U78C9.001.WZS0A1B-P1-C2,interposer_present=0,interposer_pcie=0');
    for (const l of out) {
      const r = record(l);
      assert.match(r.get('drc_index')!, /^[0-9A-F]{8}$/);
      assert.equal(r.get('drc_name'), `${r.get('unit_phys_loc')}-P1-${r.get('phys_loc')}`);
      if (r.get('lpar_id') === 'none') assert.deepEqual(keys(l), SLOT.filter((f) => f !== 'lpar_name'));
      else assert.deepEqual(keys(l), SLOT);
    }
  });

  it('an empty slot says Empty slot with feature_codes=0 and FFFF ids; a free slot prints lpar_id=none', async () => {
    const t = await lab();
    const out = lines(await t.ok(`lshwres -r io --rsubtype slot -m ${S824}`));
    assert.equal(out[9], 'unit_phys_loc=U78C9.001.WZS0A1B,bus_id=521,phys_loc=C11,drc_index=21010209,lpar_id=none,slot_io_pool_id=none,description=Empty slot,feature_codes=0,pci_vendor_id=FFFF,pci_device_id=FFFF,pci_subs_vendor_id=FFFF,pci_subs_device_id=FFFF,pci_class=FFFF,pci_revision_id=FF,bus_grouping=0,iop=0,parent_slot_drc_index=none,drc_name=U78C9.001.WZS0A1B-P1-C11,interposer_present=0,interposer_pcie=0');
    assert.equal(out[8], 'unit_phys_loc=U78C9.001.WZS0A1B,bus_id=520,phys_loc=C10,drc_index=21010208,lpar_id=none,slot_io_pool_id=none,description=Universal Serial Bus UHC Spec,feature_codes=EC45,pci_vendor_id=1033,pci_device_id=0035,pci_subs_vendor_id=1033,pci_subs_device_id=0035,pci_class=0C03,pci_revision_id=43,bus_grouping=0,iop=0,parent_slot_drc_index=none,drc_name=U78C9.001.WZS0A1B-P1-C10,interposer_present=0,interposer_pcie=0');
  });

  it('-F drc_index,description,lpar_name --header (hmc-mcp form)', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lshwres -r io --rsubtype slot -m ${S824} -F drc_index,description,lpar_name --header`), [
      'drc_index,description,lpar_name',
      '21010200,PCIe3 RAID SAS Adapter Quad-port 6Gb x8,vios1',
      '21010201,8 Gigabit PCI Express Dual Port Fibre Channel Adapter,vios1',
      '21010202,PCIe2 4-port 1GbE Adapter,vios1',
      '21010203,PCIe2 2-port 10GbE SR Adapter,vios1',
      '21010204,PCI-E SAS Controller,vios2',
      '21010205,8 Gigabit PCI Express Dual Port Fibre Channel Adapter,vios2',
      '21010206,PCIe2 4-port 1GbE Adapter,vios2',
      '21010207,PCIe2 2-port 10GbE SR Adapter,vios2',
      '21010208,Universal Serial Bus UHC Spec,',
      '21010209,Empty slot,',
      '2101020A,PCIe2 16Gb 2-port Fibre Channel Adapter,',
    ].join('\n') + '\n');
  });

  it('the 795 has its slots in two 12X drawers', async () => {
    const t = await lab();
    const out = lines(await t.ok(`lshwres -r io --rsubtype slot -m ${P795} -F unit_phys_loc,phys_loc,lpar_name`));
    assert.equal(out.length, 10);
    assert.deepEqual(out.slice(0, 2), ['U5803.001.9SS0A01,C1,vios1', 'U5803.001.9SS0A01,C2,vios1']);
    assert.deepEqual(out.slice(5, 7), ['U5803.001.9SS0A02,C1,vios2', 'U5803.001.9SS0A02,C2,vios2']);
  });

  it('a partition that owns no slot: No results were found.', async () => {
    const t = await lab();
    const r = await t.run(`lshwres -r io --rsubtype slot -m ${S824} --filter lpar_names=aix04`);
    assert.deepEqual([r.stdout, r.exit], ['No results were found.\n', 0]);
  });
});

describe('lshwres -r procpool and -r mempool', () => {
  it('lists the default pool and the configured pools with their running partitions', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lshwres -r procpool -m ${S824}`),
      'name=DefaultPool,shared_proc_pool_id=0,"lpar_names=aix01,lnx02","lpar_ids=3,4"\n' +
      'name=ProdPool,shared_proc_pool_id=1,max_pool_proc_units=4,curr_reserved_pool_proc_units=0.5,pend_reserved_pool_proc_units=0.5,lpar_names=aix03,lpar_ids=5\n');
    assert.equal(await t.ok(`lshwres -r procpool -m ${P795} -F name,max_pool_proc_units,lpar_names --filter pool_names=DBPool`), 'DBPool,8,aix11\n');
  });

  it('no shared memory pool: No results were found., exit 0', async () => {
    const t = await lab();
    const r = await t.run(`lshwres -r mempool -m ${S824}`);
    assert.deepEqual([r.stdout, r.exit], ['No results were found.\n', 0]);
  });
});
