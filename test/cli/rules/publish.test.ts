import { runPublish } from '../../../functions/cli/rules/publish';
import { PROCESS_PUBLISH_IO } from '../../../functions/cli/rules/publishCommandIo';
import type { PublishResult } from '../../../functions/publishing/publishResult';
import { BROKEN_RULES_DIR, startCapturedIo } from './publishCommandHarness';
import type { CapturedIo } from './publishCommandHarness';

describe('rules publish', () => {
  let io: CapturedIo;

  beforeEach(async () => {
    io = await startCapturedIo();
  });

  afterEach(async () => {
    await io.harness.close();
  });

  it('prints its usage with --help', async () => {
    const code = await runPublish(['--help'], io);

    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain('Usage: form-router rules publish <brand>');
  });

  it.each([
    ['no brand', [], 'Missing the brand id'],
    ['an unknown option', ['acme', '--force'], "Unknown option '--force'"],
    ['two brands', ['acme', 'other'], 'Unexpected argument "other"'],
    ['an unknown brand', ['nobody'], 'Unknown brand "nobody"'],
    ['an invalid --at', ['acme', '--at', 'tomorrow'], 'Invalid --at'],
  ])('exits 2 for %s', async (_case, args, message) => {
    const code = await runPublish(args, io);

    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
  });

  it('activates the sample brand, then reports it unchanged', async () => {
    const first = await runPublish(['acme'], io);
    const second = await runPublish(['acme'], io);

    expect([first, second]).toEqual([0, 0]);
    expect(io.stdout[0]).toMatch(/^acme: version 1 is active, replacing no earlier version\. \d+ input\(s\) change form/);
    expect(io.stdout[1]).toBe('acme: version 1 is already active with this content; nothing changed.');
  });

  it('prints the result as JSON with --json', async () => {
    const code = await runPublish(['acme', '--json'], io);

    const result = JSON.parse(io.stdout.join('\n')) as PublishResult;
    expect(code).toBe(0);
    expect(result).toMatchObject({ outcome: 'activated', brand: 'acme', version: 1, previousVersion: null, errors: [] });
  });

  it('exits 3 and lists the errors of an invalid rule set', async () => {
    const code = await runPublish(['broken', '--rules-dir', BROKEN_RULES_DIR], io);

    expect(code).toBe(3);
    expect(io.stderr[0]).toBe('broken: rule set rejected (ValidationFailed); the active version is unchanged.');
    expect(io.stderr.join('\n')).toContain('"no-such-form"');
    expect(await io.harness.store.listVersions('broken')).toEqual([]);
  });

  it('exits 1 with --stage when no state machine ARN is configured', async () => {
    const saved = process.env.FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN;
    delete process.env.FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN;

    try {
      const code = await runPublish(['acme', '--stage', 'prod'], { ...PROCESS_PUBLISH_IO, out: io.out, err: io.err });

      expect(code).toBe(1);
      expect(io.stderr.join('\n')).toContain('set FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN to the PublishStateMachineArn output of the form-router-prod stack');
    } finally {
      if (saved !== undefined) process.env.FORM_ROUTER_PUBLISH_STATE_MACHINE_ARN = saved;
    }
  });
});
