// Where mklv puts a logical volume and what removing one does (pp-allocation.ts, lv-layout.ts): the first
// free PPs (of the PVs given), kept in the configuration, so removing an LV frees its PPs and moves no
// other LV; configurations saved before extents were stored keep their old placement. On the hand-built
// VIOS of fixture.ts: hdisk0..hdisk2 are 286102 MB SAS disks, which a VG of them cuts into 558 PPs of 512 MB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { boot } from './fixture.ts';
import { lvLayout, type LvLayout } from '../../../src/os/vios/lv-layout.ts';
import { loadViosConfig, saveViosConfig } from '../../../src/os/vios/vios-config.ts';
import { VIOS_MSG } from '../../../src/os/vios/vios-errors.ts';
import { ViosOs } from '../../../src/os/vios/vios-os.ts';

const MB = 1 << 20;
const PP = 512 * MB;
const PER_PV = 558;

type Vios = ReturnType<typeof boot>;

const ok = (v: Vios, line: string): string => {
  const r = v.run(line);
  assert.equal(r.exit, 0, `${line}: ${r.stderr}`);
  return r.stdout;
};

/** An LV's layout as the block path computes it (vscsi-target.ts: PV names → disk uid and size). */
function layout(os: ViosOs, lv: string): LvLayout | undefined {
  const sizes = new Map(os.environment().physicalAdapters.flatMap((a) => a.disks).map((d) => [d.uid, d.sizeMB]));
  const vg = os.volumeGroups().find((g) => g.lvs.some((l) => l.name === lv));
  if (!vg) return undefined;
  return lvLayout(vg, vg.lvs.findIndex((l) => l.name === lv), (pv) => {
    const uid = os.diskUidOf(pv);
    const mb = uid === undefined ? undefined : sizes.get(uid);
    return uid === undefined || mb === undefined ? undefined : { uid, sizeMB: mb };
  });
}

const uidOf = (v: Vios, pv: string): string => v.os.diskUidOf(pv)!;

/** Remove an LV the only way ioscli has: map it, then rmvdev -rmlv. */
function rmlv(v: Vios, lv: string): void {
  ok(v, `mkvdev -vdev ${lv} -vadapter vhost0 -dev vt_${lv}`);
  assert.equal(ok(v, `rmvdev -vtd vt_${lv} -rmlv`), `vt_${lv} deleted\n`);
}

test('mklv takes the first free PPs: after a removal the next LV fills the hole, and the LV after the hole stays', () => {
  const v = boot();
  ok(v, 'mkvg -vg datavg hdisk0 hdisk1');
  ok(v, 'mklv -lv lva datavg 10G');
  ok(v, 'mklv -lv lvb datavg 5G');
  const b = layout(v.os, 'lvb');
  assert.deepEqual(b?.extents, [{ uid: uidOf(v, 'hdisk0'), start: 20 * PP, length: 10 * PP }], 'lvb right after lva\'s 20 PPs');
  rmlv(v, 'lva');
  assert.deepEqual(layout(v.os, 'lvb'), b, 'removing lva does not move lvb');
  ok(v, 'mklv -lv lvc datavg 15G'); // 30 PPs: the 20 freed, then the 10 after lvb
  assert.deepEqual(layout(v.os, 'lvc')?.extents, [
    { uid: uidOf(v, 'hdisk0'), start: 0, length: 20 * PP },
    { uid: uidOf(v, 'hdisk0'), start: 30 * PP, length: 10 * PP },
  ]);
  assert.deepEqual(v.os.volumeGroups()[0].lvs.map((l) => [l.name, l.extents]), [
    ['lvb', [{ pv: 'hdisk0', pp: 21, count: 10 }]],
    ['lvc', [{ pv: 'hdisk0', pp: 1, count: 20 }, { pv: 'hdisk0', pp: 31, count: 10 }]],
  ], 'the configuration keeps each LV\'s PV and first PP');
});

test('mklv with PVs takes PPs only there, in the order given; too few free PPs there is refused and changes nothing', () => {
  const v = boot();
  ok(v, 'mkvg -vg datavg hdisk0 hdisk1 hdisk2');
  ok(v, 'mklv -lv lva datavg 1G hdisk1');
  assert.deepEqual(v.os.volumeGroups()[0].lvs[0].extents, [{ pv: 'hdisk1', pp: 1, count: 2 }]);
  ok(v, `mklv -lv lvb datavg ${(PER_PV - 1) * 512}M hdisk1 hdisk2`);
  assert.deepEqual(v.os.volumeGroups()[0].lvs[1].extents, [{ pv: 'hdisk1', pp: 3, count: PER_PV - 2 }, { pv: 'hdisk2', pp: 1, count: 1 }]);
  const before = structuredClone(v.os.volumeGroups());
  const r = v.run(`mklv -lv lvc datavg ${PER_PV * 512}M hdisk2`);
  assert.deepEqual(r, { stdout: '', stderr: `${VIOS_MSG.noSpace('datavg', PER_PV, PER_PV - 1)}\n`, exit: 1 });
  assert.deepEqual(v.os.volumeGroups(), before);
  ok(v, `mklv -lv lvc datavg ${PER_PV * 512}M`); // without PVs: hdisk0 is still empty
  assert.deepEqual(v.os.volumeGroups()[0].lvs[2].extents, [{ pv: 'hdisk0', pp: 1, count: PER_PV }]);
  assert.match(ok(v, 'lsvg -lv datavg'), /^lvb +jfs2 +557 +557 +2 +closed\/syncd/m, 'lsvg -lv counts the PVs an LV is on');
});

test('a configuration saved without extents keeps its old placement; the next change writes it down and moves nothing', () => {
  const v = boot();
  ok(v, 'mkvg -vg datavg hdisk0 hdisk1');
  ok(v, 'mklv -lv lva datavg 100G'); // 200 PPs
  ok(v, 'mklv -lv lvb datavg 200G'); // 400 PPs: 358 on hdisk0, 42 on hdisk1
  ok(v, 'mklv -lv lvc datavg 1G');
  // What an older simulator saved: the same VG without extents.
  const { config } = loadViosConfig(v.store);
  for (const l of config.vgs[0].lvs) delete l.extents;
  saveViosConfig(v.store, config);
  const old = boot({ env: v.env, store: v.store });
  assert.equal(old.os.loadProblem, undefined, 'it loads');
  const [d0, d1] = [uidOf(old, 'hdisk0'), uidOf(old, 'hdisk1')];
  const b = { sizeBytes: 400 * PP, extents: [{ uid: d0, start: 200 * PP, length: 358 * PP }, { uid: d1, start: 0, length: 42 * PP }] };
  const c = { sizeBytes: 2 * PP, extents: [{ uid: d1, start: 42 * PP, length: 2 * PP }] };
  assert.deepEqual(layout(old.os, 'lvb'), b, 'creation order, as before');
  assert.deepEqual(layout(old.os, 'lvc'), c);
  rmlv(old, 'lva');
  assert.deepEqual([layout(old.os, 'lvb'), layout(old.os, 'lvc')], [b, c], 'removing the first LV moves neither');
  assert.deepEqual(old.os.volumeGroups()[0].lvs.map((l) => l.extents), [
    [{ pv: 'hdisk0', pp: 201, count: 358 }, { pv: 'hdisk1', pp: 1, count: 42 }],
    [{ pv: 'hdisk1', pp: 43, count: 2 }],
  ]);
  ok(old, 'mklv -lv lvd datavg 1G');
  assert.deepEqual(layout(old.os, 'lvd')?.extents, [{ uid: d0, start: 0, length: 2 * PP }], 'into the freed PPs');
});

test('an old configuration whose LVs cannot be placed (a PV missing) refuses mklv and rmvdev -rmlv, changing nothing', () => {
  const v = boot();
  ok(v, 'mkvg -vg datavg hdisk0 hdisk1');
  ok(v, 'mklv -lv lva datavg 200G');
  ok(v, 'mklv -lv lvb datavg 200G'); // spans hdisk0 and hdisk1
  ok(v, 'mkvdev -vdev lva -vadapter vhost0 -dev vta');
  const { config } = loadViosConfig(v.store);
  for (const l of config.vgs[0].lvs) delete l.extents;
  saveViosConfig(v.store, config);
  const old = boot({ env: v.env, store: v.store });
  const sas = old.env.physicalAdapters[0];
  const gone = sas.disks.splice(1, 1); // disk B (hdisk1) is not seen any more
  const before = structuredClone(old.os.volumeGroups());
  assert.deepEqual(old.run('mklv -lv lvc datavg 1G'), { stdout: '', stderr: `${VIOS_MSG.lvUnplaced('datavg', 'lvb')}\n`, exit: 1 });
  assert.deepEqual(old.run('rmvdev -vtd vta -rmlv'), { stdout: '', stderr: `${VIOS_MSG.lvUnplaced('datavg', 'lvb')}\n`, exit: 1 });
  assert.deepEqual(old.os.volumeGroups(), before);
  sas.disks.splice(1, 0, ...gone);
  ok(old, 'rmvdev -vtd vta -rmlv');
  assert.deepEqual(old.os.volumeGroups()[0].lvs.map((l) => l.name), ['lvb']);
});

test('property: any sequence of mklv and rmvdev -rmlv never changes the bytes of the LVs that survive it', () => {
  // Disk contents at PP granularity: each LV writes a tag into each of its logical PPs when created, and
  // every surviving LV must read its own tags back after every later step.
  const op = fc.oneof(
    fc.record({ kind: fc.constant('mk' as const), pps: fc.integer({ min: 1, max: 400 }), pvs: fc.subarray(['hdisk0', 'hdisk1', 'hdisk2']) }),
    fc.record({ kind: fc.constant('rm' as const), pick: fc.nat() }),
  );
  fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
    const v = boot();
    ok(v, 'mkvg -vg datavg hdisk0 hdisk1 hdisk2');
    const disks = new Map<string, string>(); // `${uid}/${pp index}` → tag
    const live: string[] = [];
    const pps = (l: LvLayout): string[] => l.extents.flatMap((e) => Array.from({ length: e.length / PP }, (_, i) => `${e.uid}/${e.start / PP + i}`));
    let n = 0;
    for (const o of ops) {
      if (o.kind === 'mk') {
        const name = `lv${n++}`;
        const free = (o.pvs.length ? o.pvs : ['hdisk0', 'hdisk1', 'hdisk2']).length * PER_PV
          - v.os.volumeGroups()[0].lvs.reduce((k, l) => k + (l.extents ?? []).filter((e) => !o.pvs.length || o.pvs.includes(e.pv)).reduce((m, e) => m + e.count, 0), 0);
        const r = v.run(`mklv -lv ${name} datavg ${o.pps * 512}M ${o.pvs.join(' ')}`);
        assert.equal(r.exit === 0, o.pps <= free, `mklv of ${o.pps} PPs with ${free} free: ${r.stderr}`);
        if (r.exit !== 0) continue;
        const l = layout(v.os, name)!;
        assert.equal(l.sizeBytes, o.pps * PP);
        const on = new Set(l.extents.map((e) => e.uid));
        for (const pv of o.pvs.length ? ['hdisk0', 'hdisk1', 'hdisk2'].filter((p) => !o.pvs.includes(p)) : []) assert.ok(!on.has(uidOf(v, pv)), `nothing on ${pv}`);
        pps(l).forEach((at, i) => disks.set(at, `${name}:${i}`));
        live.push(name);
      } else if (live.length) {
        const [name] = live.splice(o.pick % live.length, 1);
        rmlv(v, name);
        assert.equal(layout(v.os, name), undefined);
      }
      for (const name of live) {
        const got = pps(layout(v.os, name)!).map((at) => disks.get(at));
        assert.deepEqual(got, got.map((_, i) => `${name}:${i}`), `${name} reads what it wrote`);
      }
    }
  }), { numRuns: 150 });
});
