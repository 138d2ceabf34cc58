// The shared memory pool against the rest of the system (platform.md §5.4, §12): the paging VIOS refuses to
// hand its paging space devices to padmin commands, a paging VIOS that shared-memory partitions page to is not
// shut down normally (HSCLSIM93), and rstprofdata neither removes nor changes a pool in use. Every refusal
// leaves everything as it was: the HMC's listings (cli-support snapshot) and the paging VIOS's own.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, lines, refused, S824, silent, snapshot, sysField, type TestSim } from './cli-support.ts';

const M = `-m ${S824}`;
const vios2 = (cmd: string) => `viosvrcmd ${M} -p vios2 -c "${cmd}"`;
const amsLpar = (name: string) =>
  `mksyscfg -r lpar ${M} -i 'name=${name},lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=8192,max_mem=16384,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=2.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=uncap,mem_mode=shared'`;
const on = (name: string) => `chsysstate -r lpar ${M} -o on -n ${name} -f p`;
const addDev = (dev: string) => `chhwres -r mempool ${M} --rsubtype pgdev -o a -p vios2 --device ${dev}`;
const pool = (mb = 12288) => `chhwres -r mempool ${M} -o a -a pool_mem=${mb},max_pool_mem=32768,paging_vios_names=vios2`;
const state = async (t: TestSim, name: string) => (await t.ok(`lssyscfg -r lpar ${M} --filter lpar_names=${name} -F state`)).trim();

/** What padmin sees on vios2, plus every HMC listing. */
async function everything(t: TestSim): Promise<string> {
  const vios: string[] = [];
  for (const c of ['lsmap -all', 'lspv', 'lspv -free', 'lsvg', 'lsdev -type lv']) vios.push((await t.run(vios2(c))).text);
  return `${await snapshot(t)}\n${vios.join('\n')}`;
}

/** A padmin command on vios2 that must be refused with a message matching `re`, changing nothing. */
async function viosRefused(t: TestSim, cmd: string, re: RegExp): Promise<void> {
  const before = await everything(t);
  const r = await t.run(vios2(cmd));
  assert.notEqual(r.exit, 0, `${cmd} was not refused: ${r.text}`);
  assert.match(r.text, re, cmd);
  assert.equal(await everything(t), before, `${cmd} changed something`);
}

describe('the paging VIOS keeps padmin off its paging space devices', () => {
  it('a whole disk in the pool cannot be mapped or put in a volume group, and lspv -free leaves it out, until the pool lets it go', async () => {
    const t = await lab();
    await silent(t, pool());
    assert.deepEqual(lines(await t.ok(vios2('lspv -free -fmt :'))).map((l) => l.split(':')[0]), ['hdisk0', 'hdisk1']);
    await silent(t, addDev('hdisk0'));
    await silent(t, addDev('hdisk1'));
    await viosRefused(t, 'mkvdev -vdev hdisk0 -vadapter vhost0 -dev pgsteal', /"hdisk0" is used by the shared memory pool as a paging space device/);
    await viosRefused(t, 'mkvdev -vdev hdisk0 -vadapter vhost0 -f', /shared memory pool/);
    await viosRefused(t, 'mkvg -vg pgvg hdisk1', /"hdisk1" is used by the shared memory pool/);
    await viosRefused(t, 'rmdev -dev hdisk1 -recursive', /"hdisk1" is used by the shared memory pool/);
    assert.equal(await t.ok(vios2('lspv -free -fmt :')), '');
    // A shared-memory partition gets one of them, never a disk mapped to a client.
    await silent(t, amsLpar('ams06'));
    await silent(t, on('ams06'));
    assert.equal(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev -F device_name,lpar_name`), 'hdisk0,ams06\nhdisk1,\n');
    await viosRefused(t, 'mkvdev -vdev hdisk0 -vadapter vhost0', /paging space device of shared memory partition "ams06"/);
    // Out of the pool, the disk is padmin's again.
    await silent(t, `chhwres -r mempool ${M} --rsubtype pgdev -o r -p vios2 --device hdisk1`);
    assert.equal(await t.ok(vios2('mkvg -vg datavg hdisk1')), 'datavg\n');
  });

  it('a logical volume a running partition pages to cannot be mapped, so rmvdev -rmlv cannot delete it', async () => {
    const t = await lab();
    await silent(t, pool());
    await t.ok(vios2('mkvg -vg pagingvg hdisk1'));
    await t.ok(vios2('mklv -lv amspg01 pagingvg 16G'));
    await silent(t, addDev('amspg01'));
    await silent(t, amsLpar('ams06'));
    await silent(t, on('ams06'));
    await viosRefused(t, 'mkvdev -vdev amspg01 -vadapter vhost0 -dev stolen', /"amspg01" is used by the shared memory pool as a paging space device of shared memory partition "ams06"/);
    await viosRefused(t, 'mkvdev -vdev hdisk1 -vadapter vhost0 -f', /through paging space device "amspg01"/);
    assert.match(await t.ok(vios2('lsvg -lv pagingvg')), /^amspg01 /m);
    assert.equal(await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev -F device_name,lpar_name`), 'amspg01,ams06\n');
    assert.equal(await state(t, 'ams06'), 'Running');
  });
});

describe('shutting down a paging VIOS', () => {
  it('is refused while shared-memory partitions page to it (HSCLSIM93), unless --immed', async () => {
    const t = await lab();
    await silent(t, pool());
    await silent(t, addDev('hdisk0'));
    await silent(t, addDev('hdisk1'));
    await silent(t, amsLpar('ams06'));
    await silent(t, amsLpar('ams07'));
    await silent(t, on('ams06'));
    await silent(t, on('ams07'));
    assert.equal(await refused(t, `chsysstate -r lpar ${M} -o shutdown -n vios2`, 'HSCLSIM93'),
      'HSCLSIM93 Partition vios2 is the paging Virtual I/O Server of the active shared memory partition(s) ams06, ams07, which page to its paging space devices. Shut down those partitions first, or use the --immed option to shut down the Virtual I/O Server anyway.\n');
    await refused(t, `chsysstate -r lpar ${M} -o shutdown --restart -n vios2`, 'HSCLSIM93');
    await refused(t, `chsysstate -r lpar ${M} -o osshutdown -n vios2`, 'HSCLSIM93');
    // The other VIOS is not a paging VIOS: it shuts down as before.
    await silent(t, `chsysstate -r lpar ${M} -o shutdown --immed -n ams07`);
    assert.match(await refused(t, `chsysstate -r lpar ${M} -o shutdown -n vios2`, 'HSCLSIM93'), /partition\(s\) ams06, which/);
    await silent(t, `chsysstate -r lpar ${M} -o shutdown --immed -n vios2`);
    assert.equal(await state(t, 'vios2'), 'Not Activated');
  });

  it('shuts down normally once no shared-memory partition pages to it', async () => {
    const t = await lab();
    await silent(t, pool());
    await silent(t, addDev('hdisk0'));
    await silent(t, amsLpar('ams06'));
    await silent(t, on('ams06'));
    await refused(t, `chsysstate -r lpar ${M} -o shutdown -n vios2`, 'HSCLSIM93');
    await silent(t, `chsysstate -r lpar ${M} -o shutdown --immed -n ams06`);
    await silent(t, `chsysstate -r lpar ${M} -o shutdown -n vios2`);
    t.clock.advance(600_000);
    assert.equal(await state(t, 'vios2'), 'Not Activated');
  });
});

describe('rstprofdata and the shared memory pool', () => {
  it('keeps the pool in use by an active shared-memory partition, whatever the backup holds; applies the backup\'s once it is free', async () => {
    const t = await lab();
    await t.ok(`bkprofdata ${M} -f nopool`);
    await silent(t, pool());
    await silent(t, addDev('hdisk0'));
    await silent(t, amsLpar('ams06'));
    await silent(t, on('ams06'));
    const listing = async () => [await t.ok(`lshwres -r mempool ${M}`), await t.ok(`lshwres -r mempool ${M} --rsubtype pgdev`), await sysField(t, 'mem', 'curr_avail_sys_mem')];
    const before = await listing();
    for (const level of [2, 3]) {
      await silent(t, `rstprofdata ${M} -l ${level} -f nopool`);
      assert.deepEqual(await listing(), before, `-l ${level}`);
      assert.equal(await state(t, 'ams06'), 'Running');
    }
    await viosRefused(t, 'mkvdev -vdev hdisk0 -vadapter vhost0', /shared memory pool/);
    // Free of partitions, the pool goes as chhwres -r mempool -o r would take it, and its memory with it.
    await silent(t, `chsysstate -r lpar ${M} -o shutdown --immed -n ams06`);
    const free = Number(await sysField(t, 'mem', 'curr_avail_sys_mem'));
    await silent(t, `rstprofdata ${M} -l 2 -f nopool`);
    assert.equal(await t.ok(`lshwres -r mempool ${M}`), 'No results were found.\n');
    assert.equal(Number(await sysField(t, 'mem', 'curr_avail_sys_mem')), free + 12288);
    assert.equal(await t.ok(vios2('mkvdev -vdev hdisk0 -vadapter vhost0 -dev back')), 'back Available\n');
  });

  it('a full restore does not resize a pool in use; the backup\'s size applies once the pool is free', async () => {
    const t = await lab();
    await silent(t, pool(12288));
    await silent(t, addDev('hdisk0'));
    await silent(t, amsLpar('ams06'));
    await t.ok(`bkprofdata ${M} -f withpool`);
    await silent(t, on('ams06'));
    await silent(t, `chhwres -r mempool ${M} -o s -a pool_mem=16384`);
    await silent(t, `rstprofdata ${M} -l 1 -f withpool`);
    assert.equal(await t.ok(`lshwres -r mempool ${M} -F curr_pool_mem`), '16384\n');
    await silent(t, `chsysstate -r lpar ${M} -o shutdown --immed -n ams06`);
    await silent(t, `rstprofdata ${M} -l 1 -f withpool`);
    assert.equal(await t.ok(`lshwres -r mempool ${M} -F curr_pool_mem`), '12288\n');
  });

  it('refuses to bring back a pool the system\'s free memory cannot hold (HSCLSIM6); -l 4 removes the pool with the partitions', async () => {
    const t = await lab();
    await silent(t, pool(12288));
    await t.ok(`bkprofdata ${M} -f withpool`);
    await silent(t, `chhwres -r mempool ${M} -o r`);
    const free = Number(await sysField(t, 'mem', 'curr_avail_sys_mem'));
    // A dedicated-memory partition takes all but 8 GB of the free memory.
    await silent(t, `mksyscfg -r lpar ${M} -i 'name=big,lpar_env=aixlinux,profile_name=p,min_mem=2048,desired_mem=${free - 8192},max_mem=${free - 8192},proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.5,max_proc_units=2.0,min_procs=1,desired_procs=1,max_procs=2,sharing_mode=uncap'`);
    await silent(t, on('big'));
    const avail = Number(await sysField(t, 'mem', 'curr_avail_sys_mem'));
    assert.ok(avail < 12288, `${avail} MB free`);
    assert.match(await refused(t, `rstprofdata ${M} -l 2 -f withpool`, 'HSCLSIM6'), /12288 MB for the restored shared memory pool/);
    await silent(t, `chsysstate -r sys ${M} -o off --immed`);
    await silent(t, `rstprofdata ${M} -l 1 -f withpool`);
    assert.match(await t.ok(`lshwres -r mempool ${M}`), /^curr_pool_mem=12288,/);
    await silent(t, `rstprofdata ${M} -l 4`);
    assert.equal(await t.ok(`lshwres -r mempool ${M}`), 'No results were found.\n');
  });
});
