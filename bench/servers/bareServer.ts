/** Baseline for the HTTP benchmark: a bare `node:http` server that returns a fixed 302 for every request. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reportCpuUsage } from '../cpuProbe';

const server = createServer((_request, response) => {
  response.writeHead(302, { location: 'https://quote.acme-insurance.example/en/auto/start?zip=30303', 'cache-control': 'no-store' });
  response.end();
});

reportCpuUsage(server);
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
