// Active Memory Sharing through the CLI (platform.md §5.4, §9; hmc-cli.md §6.5, §6.6): the shared memory pool
// (chhwres / lshwres -r mempool), its paging space devices (--rsubtype pgdev), and shared-memory partitions
// that need a free paging device at activation and page when the pool is overcommitted.
// Numbers follow the default configuration (SimConfig.ams): the pool's firmware memory is
// roundUp(256 + 1 % of max_pool_mem + page tables of active shared partitions, LMB 256); `auto` I/O entitled
// memory is 64 MB + 16 MB per virtual Ethernet adapter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDir, invalidAttribute, lab, memField, openSim, profField, refused, S824, SHARED_01, silent, snapshot, sysField, track, type TestSim } from './cli-support.ts';
import { amsAllocate } from '../../../../src/platform/hypervisor/memory/ams-paging.ts';
import { amsPoolInputs } from '../../../../src/platform/hypervisor/memory/pool-memory.ts';

const M = `-m ${S824}`;
const vios2 = (cmd: string) => `viosvrcmd ${M} -p vios2 -c "${cmd}"`;
/** A shared-memory AIX partition: 8 GB logical memory (max 16 GB, so a 16 GB paging device), one virtual Ethernet adapter. */
const amsLpar = (name: string, extra = '') =>
  `mksyscfg -r lpar ${M} -i 'name=${name},lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=8192,max_mem=16384,${SHARED_01},mem_mode=shared,virtual_eth_adapters=10/0/1//0/0${extra}'`;
const on = (name: string) => `chsysstate -r lpar ${M} -o on -n ${name}`;
const off = (name: string) => `chsysstate -r lpar ${M} -o shutdown --immed -n ${name}`;

/** vios2 owns the S824's second SAS controller: hdisk0 and hdisk1 (283 GB each) are free; hdisk2 backs aix01_H. */
async function withPool(t: TestSim, attrs = 'pool_mem=16384,max_pool_mem=32768,paging_vios_names=vios2'): Promise<void> {
  await silent(t, `chhwres -r mempool ${M} -o a -a ${attrs}`);
}

/** A 16 GB logical volume on vios2 (volume group on hdisk1, 512 MB partitions). */
async function pagingLv(t: TestSim): Promise<void> {
  await t.ok(vios2('mkvg -vg pagingvg hdisk1'));
  await t.ok(vios2('mklv -lv amspg01 pagingvg 16G'));
}

describe('lshwres / chhwres -r mempool: the shared memory pool', () => {
  it('creates the pool out of the system\'s free memory and lists it', async () => {
    const t = await lab();
    const free = Number(await sysField(t, 'mem', 'curr_avail_sys_mem'));
    await withPool(t);
    // firmware = roundUp(256 + 327.68, 256) = 768; available = 16384 − 768.
    assert.equal(await t.ok(`lshwres -r mempool ${M}`),
      'curr_pool_mem=16384,curr_avail_pool_mem=15616,curr_max_pool_mem=32768,pend_pool_mem=16384,pend_avail_pool_mem=15616,pend_max_pool_mem=32768,sys_firmware_pool_mem=768,paging_vios_names=vios2,paging_vios_ids=2\n');
    assert.equal(Number(await sysField(t, 'mem', 'curr_avail_sys_mem')), free - 16384);
    assert.equal(await t.ok(`lshwres -r mempool ${M} -F curr_pool_mem,paging_vios_names --header`), 'curr_pool_mem,paging_vios_names\n16384,vios2\n');
  });

  it('changes size, maximum and paging VIOS (two paging VIOS list as quoted lists), and removes the pool', async () => {
    const t = await lab();
    await withPool(t);
    await silent(t, `chhwres -r mempool ${M} -o s -a '"paging_vios_names=vios2,vios1",pool_mem=20480'`);
    assert.equal(await t.ok(`lshwres -r mempool ${M} -F curr_pool_mem,curr_max_pool_mem,paging_vios_ids`), '20480,32768,"2,1"\n');
    assert.match(await t.ok(`lshwres -r mempool ${M}`), /,"paging_vios_names=vios2,vios1","paging_vios_ids=2,1"\n$/);
    await silent(t, `chhwres -r mempool ${M} -o s -a paging_vios_ids=1,max_pool_mem=65536`);
    assert.equal(await t.ok(`lshwres -r mempool ${M} -F curr_max_pool_mem,paging_vios_names,sys_firmware_pool_mem`), '65536,vios1,1024\n');
    const free = Number(await sysField(t, 'mem', 'curr_avail_sys_mem'));
    // The hmc-mcp form `-o r -a <pool name>` (hmc-cli.md §6.6) removes the one pool.
    await silent(t, `chhwres -r mempool ${M} -o r -a 'POOL'`);
    assert.equal(await t.ok(`lshwres -r mempool ${M}`), 'No results were found.\n');
    assert.equal(Number(await sysField(t, 'mem', 'curr_avail_sys_mem')), free + 20480);
  });

  it('refuses bad pools and changes nothing', async () => {
    const t = await lab();
    await refused(t, `chhwres -r mempool ${M} -o s -a pool_mem=4096`, 'HSCLSIM90');
    await refused(t, `chhwres -r mempool ${M} -o r`, 'HSCLSIM90');
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8192,paging_vios_names=vios2`, 'HSCLSIM14');
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8192,max_pool_mem=16384`, 'HSCLSIM14');
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=16384,max_pool_mem=8192,paging_vios_names=vios2`, 'HSCLSIM13');
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8000,max_pool_mem=16384,paging_vios_names=vios2`, 'HSCLSIM2');
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8192,max_pool_mem=1048576,paging_vios_names=vios2`, 'HSCLSIM13');
    // More than the free memory of the system (482048 MB free in the default lab).
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=499968,max_pool_mem=499968,paging_vios_names=vios2`, 'HSCLSIM6');
    // Too small to hold its own firmware memory (768 MB for a 32 GB maximum).
    assert.match(await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=768,max_pool_mem=32768,paging_vios_names=vios2`, 'HSCLSIM91'), /reserved firmware memory \(768 MB\)/);
    assert.match(await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8192,max_pool_mem=8192,paging_vios_names=aix01`, 'HSCLSIM91'), /aix01 is not a Virtual I\/O Server/);
    await refused(t, `chhwres -r mempool ${M} -o a -a '"paging_vios_names=vios1,vios1",pool_mem=8192,max_pool_mem=8192'`, 'HSCLSIM91');
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8192,max_pool_mem=8192,paging_vios_names=nosuch`, 'HSCL8012');
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8192,max_pool_mem=8192,paging_vios_ids=2,paging_vios_names=vios2`, 'HSCLSIM28');
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8192,max_pool_mem=8192,paging_vios_names=vios2,pool_name=x`, invalidAttribute('pool_name'));
    await refused(t, `chhwres -r mempool ${M} -o m -a pool_mem=8192`, 'HSCLSIM28');
    await withPool(t);
    await refused(t, `chhwres -r mempool ${M} -o a -a pool_mem=8192,max_pool_mem=8192,paging_vios_names=vios1`, 'HSCLSIM91');
    await refused(t, `chhwres -r mempool ${M} -o s -a pool_mem=65536`, 'HSCLSIM13');
  });

  it('a paging VIOS with paging devices stays until they are removed, and cannot be deleted', async () => {
    const t = await lab();
    await withPool(t);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`);
    assert.match(await refused(t, `chhwres -r mempool ${M} -o s -a paging_vios_names=vios1`, 'HSCLSIM91'), /still provides paging space device hdisk0/);
    await silent(t, off('vios2'));
    assert.match(await refused(t, `rmsyscfg -r lpar ${M} -n vios2`, 'HSCLSIM91'), /vios2 is a paging Virtual I\/O Server/);
  });
});

describe('paging space devices (--rsubtype pgdev)', () => {
  it('adds a whole disk and a logical volume of the paging VIOS; lists them free', async () => {
    const t = await lab();
    await withPool(t);
    await pagingLv(t);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 -a device_name=amspg01`);
    assert.equal(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev`),
      'device_name=hdisk0,paging_vios_name=vios2,paging_vios_id=2,size=289792,type=phys,state=Active,phys_loc=U78C9.001.WZS0A1B-P1-C6-T1-D1,is_redundant=0,lpar_id=none\n' +
      'device_name=amspg01,paging_vios_name=vios2,paging_vios_id=2,size=16384,type=logical,state=Active,is_redundant=0,lpar_id=none\n');
    assert.equal(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev --filter device_names=amspg01 -F device_name,size`), 'amspg01,16384\n');
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o r --id 2 --device amspg01`);
    assert.equal(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev -F device_name`), 'hdisk0\n');
  });

  it('refuses devices that are not free, missing, doubled, or not on a paging VIOS', async () => {
    const t = await lab();
    assert.equal(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev`), 'No results were found.\n');
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`, 'HSCLSIM90');
    await withPool(t);
    assert.match(await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk2`, 'HSCLSIM91'), /used by virtual target device "aix01_H"/);
    assert.match(await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk9`, 'HSCLSIM91'), /has no disk or logical volume named hdisk9/);
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device ent0`, 'HSCLSIM91');
    assert.match(await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios1 --device hdisk0`, 'HSCLSIM91'), /vios1 is not a paging Virtual I\/O Server/);
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a --device hdisk0`, 'HSCLSIM28');
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2`, 'HSCLSIM28');
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0 -a device_name=hdisk1`, 'HSCLSIM28');
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o s -p vios2 --device hdisk0`, 'HSCLSIM28');
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o r -p vios2 --device hdisk0`, 'HSCLSIM91');
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`);
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`, 'HSCLSIM91');
    // A disk in a volume group is not free either.
    await t.ok(vios2('mkvg -vg datavg hdisk1'));
    assert.match(await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk1`, 'HSCLSIM91'), /volume group "datavg"/);
    // The HMC asks the VIOS over RMC: a VIOS that is not running cannot be asked.
    await silent(t, off('vios2'));
    await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk9`, 'HSCL2957');
  });
});

describe('activating a shared-memory partition (mem_mode=shared)', () => {
  it('without a free paging device large enough the activation fails (HSCLSIM92)', async () => {
    const t = await lab();
    await withPool(t);
    await silent(t, amsLpar('ams1'));
    assert.equal(await refused(t, on('ams1'), 'HSCLSIM92'),
      'HSCLSIM92 No paging space device of at least 16384 MB is available for shared memory partition ams1 on paging Virtual I/O Server partition(s) vios2. Add a paging space device to the shared memory pool or free one, then retry the activation.\n');
  });

  it('takes the smallest free device that fits, holds it until shutdown, and leaves the system\'s memory alone', async () => {
    const t = await lab();
    await withPool(t);
    await pagingLv(t);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device amspg01`);
    await silent(t, amsLpar('ams1'));
    await silent(t, amsLpar('ams2', ',mem_weight=200'));
    await silent(t, amsLpar('ams3'));
    const sysMem = async () => { const [a, f] = (await sysField(t, 'mem', 'curr_avail_sys_mem,sys_firmware_mem')).split(','); return Number(a) + Number(f); };
    const before = await sysMem();
    await silent(t, on('ams1'));
    await silent(t, on('ams2'));
    assert.equal(await sysMem(), before, 'logical memory of shared partitions is not taken from the system');
    assert.equal(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev -F device_name,lpar_name,lpar_id`), 'hdisk0,ams2,9\namspg01,ams1,8\n');
    assert.equal(await memField(t, 'ams1', 'mem_mode,curr_mem,curr_mem_weight,curr_io_entitled_mem,curr_paging_vios_name,curr_paging_device'), 'shared,8192,128,80,vios2,amspg01');
    assert.equal(await memField(t, 'ams2', 'curr_mem_weight'), '200');
    // Page tables (256 MB each for 16 GB maximum) and I/O entitled memory (80 MB each) come out of the pool:
    // firmware = roundUp(256 + 327.68 + 512, 256) = 1280; available = 16384 − 1280 − 160.
    assert.equal(await t.ok(`lshwres -r mempool ${M} -F sys_firmware_pool_mem,curr_avail_pool_mem`), '1280,14944\n');
    assert.equal(await lparState(t, 'ams2'), 'Running');
    assert.match(await refused(t, on('ams3'), 'HSCLSIM92'), /at least 16384 MB/);
    assert.match(await refused(t, `chhwres -r mempool ${M} --rsubtype pgdev -o r -p vios2 --device amspg01`, 'HSCLSIM91'), /in use by the active shared memory partition ams1/);
    assert.match(await refused(t, `chhwres -r mempool ${M} -o r`, 'HSCLSIM91'), /active \(ams1, ams2\)/);
    // Shrinking below what the pool holds is refused; the pool's memory can grow while partitions run.
    await refused(t, `chhwres -r mempool ${M} -o s -a pool_mem=1280`, 'HSCLSIM91');
    await silent(t, `chhwres -r mempool ${M} -o s -a pool_mem=24576`);
    await silent(t, off('ams1'));
    assert.equal(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev -F device_name,lpar_id`), 'hdisk0,9\namspg01,none\n');
    await silent(t, on('ams3'));
    assert.equal(await memField(t, 'ams3', 'curr_paging_device'), 'amspg01');
  });

  it('the full lshwres -r mem line of a shared-memory partition adds its sharing fields after the VERIFIED ones', async () => {
    const t = await lab();
    await withPool(t);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`);
    await silent(t, amsLpar('ams1', ',primary_paging_vios_name=vios2'));
    await silent(t, on('ams1'));
    assert.equal(await t.ok(`lshwres -r mem ${M} --level lpar --filter lpar_names=ams1`),
      'lpar_name=ams1,lpar_id=8,curr_min_mem=2048,curr_mem=8192,curr_max_mem=16384,pend_min_mem=2048,pend_mem=8192,pend_max_mem=16384,' +
      'run_min_mem=2048,run_mem=8192,curr_min_num_huge_pages=0,curr_num_huge_pages=0,curr_max_num_huge_pages=0,pend_min_num_huge_pages=0,' +
      'pend_num_huge_pages=0,pend_max_num_huge_pages=0,run_num_huge_pages=0,mem_mode=shared,curr_hpt_ratio=1:64,' +
      'curr_mem_weight=128,pend_mem_weight=128,run_mem_weight=128,curr_io_entitled_mem=80,pend_io_entitled_mem=80,' +
      'primary_paging_vios_name=vios2,primary_paging_vios_id=2,curr_paging_vios_name=vios2,curr_paging_vios_id=2,curr_paging_device=hdisk0\n');
    assert.equal(await profField(t, 'ams1', 'p', 'mem_mode,mem_weight,desired_io_entitled_mem,primary_paging_vios_name,primary_paging_vios_id,secondary_paging_vios_name'), 'shared,128,auto,vios2,2,');
    // The memory weight changes on the running partition (chhwres -r mem -o s, platform.md §9).
    await silent(t, `chhwres -r mem ${M} -o s -p ams1 -a mem_weight=10`);
    assert.equal(await memField(t, 'ams1', 'curr_mem_weight,run_mem_weight'), '10,10');
    await refused(t, `chhwres -r mem ${M} -o s -p ams1 -a mem_weight=256`, 'HSCLSIM13');
  });

  it('refuses without a running paging VIOS, with a paging VIOS outside the pool, and without room for I/O entitled memory', async () => {
    const t = await lab();
    await withPool(t, 'pool_mem=2048,max_pool_mem=32768,paging_vios_names=vios2');
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`);
    await silent(t, amsLpar('ams1', ',primary_paging_vios_name=vios1'));
    assert.match(await refused(t, on('ams1'), 'HSCLSIM91'), /vios1, named as paging Virtual I\/O Server by partition ams1, is not a paging Virtual I\/O Server/);
    // Manual I/O entitled memory beyond what the 2 GB pool has left after its firmware (768 + 256 MB page table).
    await silent(t, amsLpar('ams2', ',desired_io_entitled_mem=1024'));
    assert.match(await refused(t, on('ams2'), 'HSCLSIM6'), /shared memory pool memory/);
    await silent(t, off('vios2'));
    await silent(t, amsLpar('ams3'));
    assert.match(await refused(t, on('ams3'), 'HSCLSIM91'), /No paging Virtual I\/O Server partition of shared memory partition ams3 is running \(vios2\)/);
  });

  it('profile rules: I/O entitled memory is auto or megabytes; AME with AMS follows the configuration', async () => {
    const t = await lab();
    await refused(t, amsLpar('ams1', ',desired_io_entitled_mem=lots'), 'HSCLSIM13');
    await silent(t, amsLpar('ams1', ',mem_expansion=1.5'));
    const strict = await lab({ ams: { ameWithAms: false } });
    assert.match(await refused(strict, amsLpar('ams1', ',mem_expansion=1.5'), 'HSCLSIM25'), /cannot use Active Memory Expansion/);
  });
});

describe('an overcommitted pool pages (the hypervisor paging model on the running system)', () => {
  it('two 8 GB partitions using 6 GB each in an 8 GB pool: both page, the heavier weight less', async () => {
    const t = await lab();
    await withPool(t, 'pool_mem=8192,max_pool_mem=8192,paging_vios_names=vios2');
    await pagingLv(t);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device amspg01`);
    await silent(t, amsLpar('ams1'));
    await silent(t, amsLpar('ams2', ',mem_weight=200'));
    await silent(t, on('ams1'));
    await silent(t, on('ams2'));
    const inputs = amsPoolInputs(t.sim.system(S824))!;
    // firmware = roundUp(256 + 81.92 + 2 × 256, 256) = 1024, as the HMC shows.
    assert.equal(await t.ok(`lshwres -r mempool ${M} -F sys_firmware_pool_mem`), `${inputs.firmwareMB}\n`);
    assert.deepEqual(inputs.partitions.map((p) => [p.logicalMB, p.weight, p.ioEntitledMB]), [[8192, 128, 80], [8192, 200, 80]]);
    const r = amsAllocate(inputs.poolMB, inputs.firmwareMB, inputs.partitions.map((p) => ({ ...p, inUseMB: 6144 })));
    assert.equal(r.capacityMB, 8192 - 1024 - 160);
    assert.equal(r.overcommitted, true);
    const [a1, a2] = r.parts;
    assert.ok(a1.pagedOutMB > 0 && a2.pagedOutMB > 0, 'both page');
    assert.ok(a2.pagedOutMB < a1.pagedOutMB, 'weight 200 keeps more resident than weight 128');
    assert.ok(Math.abs(a1.residentMB + a2.residentMB - r.capacityMB) < 1e-6);
    // Within the pool nothing pages.
    const fits = amsAllocate(inputs.poolMB, inputs.firmwareMB, inputs.partitions.map((p) => ({ ...p, inUseMB: 2048 })));
    assert.equal(fits.pagedOutMB, 0);
  });
});

describe('the pool is system configuration in NVRAM', () => {
  it('survives a restart of the simulator; the HMC shows it again from the system', async () => {
    const dir = freshDir();
    const t = await track(openSim({ dataDir: dir }));
    await withPool(t);
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device hdisk0`);
    const before = await snapshot(t);
    assert.match(before, /lshwres -r mempool --rsubtype pgdev -m Server-8286-42A-SN21AB34C\ndevice_name=hdisk0/);
    t.close();
    const t2 = await track(openSim({ dataDir: dir }));
    assert.equal(await snapshot(t2), before);
  });
});

async function lparState(t: TestSim, name: string): Promise<string> {
  return (await t.ok(`lssyscfg -r lpar ${M} --filter lpar_names=${name} -F state`)).trim();
}
