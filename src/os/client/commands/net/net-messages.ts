// Messages of the AIX network commands, in one place. The reference has no captured AIX client output, so
// every text here is from general knowledge of AIX (message numbers 0821-xxx for TCP/IP commands, 0514-xxx
// for the device configuration methods, 0909-xxx for entstat): UNCERTAIN, kept as data to be corrected.

export const NET_MSG = {
  pingUnreachable: (): string => '0821-069 ping: sendto: The network is unreachable',
  pingUnknownHost: (host: string): string => `0821-062 ping: host name ${host} NOT FOUND`,
  pingUsage: (): string => 'usage: ping [-c count] [-s packetsize] host [packetsize [count]]',
  pingBadCount: (v: string): string => `0821-050 ping: bad number of packets to transmit: ${v}`,
  pingBadSize: (v: string): string => `0821-051 ping: illegal packet size: ${v}`,
  ifconfigNoDevice: (): string => '0821-510 ifconfig: error calling entry point for /usr/lib/drivers/if_en: The specified device does not exist.',
  ifconfigBadAddress: (v: string): string => `0821-223 ifconfig: ${v}: bad value`,
  ifconfigUsage: (): string => 'usage: ifconfig -a [ -d ] [ -u ] [ af ]\n       ifconfig interface [ af [ address [ dest_addr ] ] [ netmask mask ] [ up | down | detach ] [ mtu n ] ]',
  netstatUsage: (): string => 'usage: netstat [-in] (only the interface display is simulated)',
  entstatUsage: (): string => 'Usage: entstat [-drt] Device_Name',
  entstatNoDevice: (dev: string): string => `entstat: 0909-003 Unable to connect to device ${dev}, errno = 19`,
  notFound: (cmd: string, dev: string): string => `${cmd}: 0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\t${dev}`,
  badAttributes: (method: string, names: string[]): string =>
    `Method error (/usr/lib/methods/${method}):\n\t0514-018 The values specified for the following attributes\n\t\t are not valid:\n${names.map((n) => `\t${n}`).join('\n')}`,
  notSimulated: (what: string): string => `${what} is not supported by the simulator.`,
} as const;
