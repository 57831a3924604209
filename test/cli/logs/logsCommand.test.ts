import { runLogsCommand } from '../../../functions/cli/logs/logsCommand';
import { EXIT } from '../../../functions/cli/main';
import type { RedirectEvent } from '../../../functions/redirect-logging/redirectEvent';
import { UNSENT_EVENT_MESSAGE } from '../../../functions/redirect-logging/unsentRedirectEvents';
import { logger } from '../../../functions/shared/logger';
import { aRedirectEvent } from '../../redirect-logging/support/redirectEvents';
import { startLogsCommandHarness } from './logsCommandHarness';
import type { LogsCommandHarness } from './logsCommandHarness';

const NOW = new Date();
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

let harness: LogsCommandHarness;

const EVENTS: RedirectEvent[] = [
  aRedirectEvent({ time: minutesAgo(5), zip: '02134', state: 'MA', form: 'auto-online', ruleId: 'ma-auto-online', rulesetVersion: 3 }),
  aRedirectEvent({ time: minutesAgo(20), zip: '33101', state: 'FL', form: 'auto-agent', ruleId: 'fl-auto-agent', rulesetVersion: 3 }),
  aRedirectEvent({ time: minutesAgo(30), zip: '33101', state: 'FL', form: 'auto-agent', ruleId: 'fl-auto-agent', rulesetVersion: 2 }),
  aRedirectEvent({
    time: minutesAgo(40), zip: null, state: null, outcome: 'invalid_input', errorCode: 'invalid_zip',
    form: 'auto-fallback', ruleId: null, rulesetVersion: 3, url: 'https://quotes.acme.example/start?reason=invalid_zip',
  }),
  aRedirectEvent({ time: minutesAgo(180), zip: '02134', state: 'MA' }),
  aRedirectEvent({ brand: 'globex', time: minutesAgo(10) }),
];

const run = (args: string[], files?: Record<string, string>) => harness.run((given, io) => runLogsCommand(given, io), args, files);

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  harness = await startLogsCommandHarness(() => NOW);
  await Promise.all(EVENTS.map((event) => harness.pipeline.store.putEvent(event)));
});

afterAll(async () => {
  await harness.close();
});

describe('logs', () => {
  it('prints its usage with --help', async () => {
    const { code, out } = await run(['--help']);

    expect(code).toBe(EXIT.ok);
    expect(out).toContain('Usage: form-router logs <command>');
  });

  it.each([
    ['no command', [], 'Usage: form-router logs <command>'],
    ['an unknown command', ['tail'], 'Unknown logs command "tail"; expected one of: recent, stats, replay'],
  ])('rejects %s', async (_case, args, message) => {
    const { code, err } = await run(args);

    expect(code).toBe(EXIT.usage);
    expect(err).toContain(message);
  });

  it.each(['recent', 'stats', 'replay'])('prints the usage of %s with --help', async (command) => {
    const { code, out } = await run([command, '--help']);

    expect(code).toBe(EXIT.ok);
    expect(out).toContain(`Usage: form-router logs ${command}`);
  });
});

describe('logs recent', () => {
  it('lists the last hour newest first', async () => {
    const { code, out } = await run(['recent', '--brand', 'acme']);
    const lines = out.split('\n');

    expect(code).toBe(EXIT.ok);
    expect(lines[0]).toMatch(/^time\s+endpoint\s+outcome\s+product\s+lang\s+zip\s+state\s+form\s+rule\s+version\s+ms$/);
    expect(lines.slice(2).map((line) => line.split(/\s+/)[0])).toEqual([EVENTS[0]!.time, EVENTS[1]!.time, EVENTS[2]!.time, EVENTS[3]!.time]);
  });

  it('filters by ZIP code', async () => {
    const { out } = await run(['recent', '--brand', 'acme', '--zip', '33101', '--json']);

    expect((JSON.parse(out) as RedirectEvent[]).map((log) => log.eventId)).toEqual([EVENTS[1]!.eventId, EVENTS[2]!.eventId]);
  });

  it('filters by outcome', async () => {
    const { out } = await run(['recent', '--brand', 'acme', '--outcome', 'invalid_input', '--json']);

    expect((JSON.parse(out) as RedirectEvent[]).map((log) => log.eventId)).toEqual([EVENTS[3]!.eventId]);
  });

  it('reads further back with --since', async () => {
    const { out } = await run(['recent', '--brand', 'acme', '--since', '4h', '--limit', '10', '--json']);

    expect(JSON.parse(out)).toHaveLength(5);
  });

  it('stops at --limit', async () => {
    const { out } = await run(['recent', '--brand', 'acme', '--limit', '2', '--json']);

    expect((JSON.parse(out) as RedirectEvent[]).map((log) => log.eventId)).toEqual([EVENTS[0]!.eventId, EVENTS[1]!.eventId]);
  });

  it('says so when nothing matches', async () => {
    const { code, out } = await run(['recent', '--brand', 'initech']);

    expect(code).toBe(EXIT.ok);
    expect(out).toBe('initech: no redirect logs match (local).');
  });

  it.each([
    ['a missing brand', [], 'Missing --brand'],
    ['an invalid duration', ['--brand', 'acme', '--since', '1y'], 'Invalid --since "1y"'],
    ['a time in the future', ['--brand', 'acme', '--since', '2999-01-01T00:00:00Z'], 'the time is in the future'],
    ['a 4-digit ZIP', ['--brand', 'acme', '--zip', '2134'], 'Invalid --zip "2134": expected 5 digits'],
    ['an unknown outcome', ['--brand', 'acme', '--outcome', 'lost'], 'Invalid --outcome "lost": expected one of rule, fallback'],
    ['a zero limit', ['--brand', 'acme', '--limit', '0'], 'Invalid --limit "0"'],
    ['an unknown option', ['--brand', 'acme', '--tail'], "Unknown option '--tail'"],
    ['an extra argument', ['--brand', 'acme', 'now'], 'Unexpected argument "now"'],
    ['an invalid stage', ['--brand', 'acme', '--stage', 'Prod_1'], 'Invalid --stage "Prod_1"'],
  ])('rejects %s', async (_case, args, message) => {
    const opened = harness.openedStages.length;
    const { code, err } = await run(['recent', ...args]);

    expect(code).toBe(EXIT.usage);
    expect(err).toContain(message);
    expect(err).toContain('Usage: form-router logs recent');
    expect(harness.openedStages).toHaveLength(opened);
  });

  it('passes --stage to the backend', async () => {
    await run(['recent', '--brand', 'acme', '--stage', 'prod']);

    expect(harness.openedStages.at(-1)).toBe('prod');
  });
});

describe('logs stats', () => {
  it('counts by outcome, rule, form, state and version', async () => {
    const { code, out } = await run(['stats', '--brand', 'acme', '--since', '1h', '--json']);
    const report = JSON.parse(out);

    expect(code).toBe(EXIT.ok);
    expect(report.total).toBe(4);
    expect(report.counts.outcome).toEqual([{ value: 'rule', count: 3 }, { value: 'invalid_input', count: 1 }]);
    expect(report.counts.rule).toEqual([{ value: 'fl-auto-agent', count: 2 }, { value: 'ma-auto-online', count: 1 }, { value: null, count: 1 }]);
    expect(report.counts.form).toEqual([{ value: 'auto-agent', count: 2 }, { value: 'auto-fallback', count: 1 }, { value: 'auto-online', count: 1 }]);
    expect(report.counts.state).toEqual([{ value: 'FL', count: 2 }, { value: 'MA', count: 1 }, { value: null, count: 1 }]);
    expect(report.counts.version).toEqual([{ value: 3, count: 3 }, { value: 2, count: 1 }]);
  });

  it('prints a table per field', async () => {
    const { out } = await run(['stats', '--brand', 'acme', '--since', '1h']);

    expect(out).toContain('acme: 4 redirect logs from');
    expect(out).toMatch(/^outcome\s+count\s+share$/m);
    expect(out).toMatch(/^fl-auto-agent\s+2\s+50\.0%$/m);
    expect(out).toMatch(/^-\s+1\s+25\.0%$/m);
  });

  it.each([
    ['a missing --since', ['--brand', 'acme'], 'Missing --since'],
    ['a missing brand', ['--since', '1h'], 'Missing --brand'],
  ])('rejects %s', async (_case, args, message) => {
    const { code, err } = await run(['stats', ...args]);

    expect(code).toBe(EXIT.usage);
    expect(err).toContain(message);
  });
});

describe('logs replay', () => {
  const unsentLine = (event: RedirectEvent) => JSON.stringify({ level: 'WARN', message: UNSENT_EVENT_MESSAGE, redirectEvent: event, reason: 'send_failed' });

  it('sends the unsent events of a log and skips other lines', async () => {
    const events = [aRedirectEvent({ brand: 'replayed', time: minutesAgo(1) }), aRedirectEvent({ brand: 'replayed', time: minutesAgo(2) })];
    const log = [
      JSON.stringify({ level: 'INFO', message: 'stopping' }),
      `2026-03-14T15:09:26.535Z\tabc\tWARN\t${unsentLine(events[0]!)}`,
      'not json at all',
      unsentLine(events[1]!),
      unsentLine(events[1]!),
    ].join('\n');

    const { code, out } = await run(['replay', 'service.log', '--json'], { 'service.log': log });
    const stored = await harness.pipeline.waitForStoredItems(EVENTS.length + 2, 20_000);

    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(out)).toEqual({ file: 'service.log', linesRead: 5, unsentEvents: 2, repeatedLines: 1, invalid: [], sent: 2, failed: [] });
    expect(stored).toBe(EVENTS.length + 2);
  });

  it('stores nothing new when a log is replayed twice', async () => {
    const event = aRedirectEvent({ brand: 'twice', time: minutesAgo(1) });
    const files = { 'twice.log': unsentLine(event) };

    await run(['replay', 'twice.log'], files);
    const storedOnce = await harness.pipeline.waitForStoredItems(EVENTS.length + 3, 20_000);
    const { code, out } = await run(['replay', 'twice.log'], files);
    const drained = await harness.poller.drain(20_000);

    expect(storedOnce).toBe(EVENTS.length + 3);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('Sent 1 of 1 events to the redirect queue.');
    expect(drained).toBe(true);
    expect(await harness.pipeline.countStoredItems()).toBe(EVENTS.length + 3);
  });

  it('reports invalid events with their line and fails', async () => {
    const log = [unsentLine(aRedirectEvent({ brand: 'invalid', time: minutesAgo(1) })), unsentLine({ ...aRedirectEvent(), zip: 'abc' })].join('\n');

    const { code, out } = await run(['replay', 'broken.log'], { 'broken.log': log });

    expect(code).toBe(EXIT.failure);
    expect(out).toContain('Read 2 lines: 1 unsent redirect events, 0 repeated, 1 invalid.');
    expect(out).toContain('line 2: Invalid redirect event: /zip "abc" must match pattern');
  });

  it('opens no backend for a log without unsent events', async () => {
    const opened = harness.openedStages.length;

    const { code, out } = await run(['replay', 'quiet.log'], { 'quiet.log': JSON.stringify({ message: 'started' }) });

    expect(code).toBe(EXIT.ok);
    expect(out).toContain('Read 1 lines: 0 unsent redirect events');
    expect(harness.openedStages).toHaveLength(opened);
  });

  it('fails for a file it cannot read', async () => {
    const { code, err } = await run(['replay', 'missing.log']);

    expect(code).toBe(EXIT.failure);
    expect(err).toContain("Cannot read missing.log: ENOENT: no such file or directory, open 'missing.log'");
  });

  it.each([
    ['no file', [], 'Expected one log file, got 0'],
    ['two files', ['a.log', 'b.log'], 'Expected one log file, got 2'],
  ])('rejects %s', async (_case, args, message) => {
    const { code, err } = await run(['replay', ...args]);

    expect(code).toBe(EXIT.usage);
    expect(err).toContain(message);
  });
});

describe('logs failures', () => {
  it('returns 1 when the backend fails', async () => {
    const code = await runLogsCommand(['recent', '--brand', 'acme'], {
      out: () => undefined,
      err: () => undefined,
      openBackend: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')),
      readTextFile: () => '',
      now: () => NOW,
    });

    expect(code).toBe(EXIT.failure);
  });
});
