// A console login keeps one shell until logout (partition-console.ts, partition-consoles.ts): variables
// and `$?` carry from line to line, `exit N` ends the login and the console shows its login prompt again,
// and the next login starts a fresh shell. Through the system's virtual terminal server, as mkvterm types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSim, S824 as S } from '../../helpers/sim.ts';
import { virtualTerminals } from '../../../src/platform/hypervisor/virtual-terminals.ts';

test('one shell per console login: x=5 is still set on the next line, $? carries, exit 3 returns to the login prompt', async () => {
  const t = await openSim({ config: { consoles: { aixRootPassword: 'S3cret' } } });
  try {
    const vt = virtualTerminals(t.sim.system(S));
    const s = vt.open({ name: 'aix01' }); // running since the lab started: its console waits at the login prompt
    let cursor = s.cursor;
    const type = (keys: string): string => {
      vt.write(s.session, keys);
      const r = vt.read(s.session, cursor);
      cursor = r.cursor;
      return r.data;
    };
    assert.match(type('root\rS3cret\r'), /\r\n# $/);
    assert.equal(type('x=5\r'), 'x=5\r\n# ');
    assert.equal(type('echo "x is $x"\r'), 'echo "x is $x"\r\nx is 5\r\n# ');
    assert.equal(type('false\r'), 'false\r\n# ');
    assert.equal(type('echo $?\r'), 'echo $?\r\n1\r\n# ');
    const out = type('exit 3\r');
    assert.match(out, /^exit 3\r\n[^]*AIX Version 7\r\n[^]*Console login: $/, 'exit 3 ends the login');
    assert.doesNotMatch(out, /# $/);
    assert.equal(type('echo "x is $x"\r'), "echo \"x is $x\"\r\necho \"x is $x\"'s Password: ", 'at the login prompt a line is a user name');
    type('\r'); // the password prompt takes the Enter; back at the login prompt
    assert.match(type('root\rS3cret\r'), /\r\n# $/);
    assert.equal(type('echo "x is [$x]"\r'), 'echo "x is [$x]"\r\nx is []\r\n# ', 'a new login starts a fresh shell');
  } finally { t.close(); }
});

test('a VIOS console login ends with exit 3 too, after running padmin commands', async () => {
  const t = await openSim();
  try {
    const vt = virtualTerminals(t.sim.system(S));
    const s = vt.open({ name: 'vios1' });
    let cursor = s.cursor;
    const type = (keys: string): string => {
      vt.write(s.session, keys);
      const r = vt.read(s.session, cursor);
      cursor = r.cursor;
      return r.data;
    };
    assert.match(type('padmin\rpadmin\r'), /\$ $/);
    assert.equal(type('ioslevel\r'), 'ioslevel\r\n3.1.4.21\r\n$ ');
    assert.match(type('exit 3\r'), /^exit 3\r\n[^]*Console login: $/);
    assert.match(type('padmin\rpadmin\r'), /\$ $/, 'and a new login works');
  } finally { t.close(); }
});
