import { EXIT } from '../../../functions/cli/main';
import { runRulesCommand } from '../../../functions/cli/rules/rulesCommand';

describe('runRulesCommand', () => {
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('prints the commands with --help', async () => {
    const code = await runRulesCommand(['--help']);

    expect(code).toBe(EXIT.ok);
    expect(String(log.mock.calls[0]?.[0])).toContain('explain            show why a brand, product, ZIP and language go to a form');
  });

  it('rejects a missing command as a usage error', async () => {
    const code = await runRulesCommand([]);

    expect(code).toBe(EXIT.usage);
    expect(String(error.mock.calls[0]?.[0])).toContain('Usage: form-router rules <command>');
  });

  it('rejects an unknown command', async () => {
    const code = await runRulesCommand(['lint']);

    expect(code).toBe(EXIT.usage);
    expect(String(error.mock.calls[0]?.[0])).toContain('Unknown rules command "lint"');
  });

  it.each(['validate', 'test', 'diff', 'explain', 'publish', 'rollback', 'history'])('dispatches --help to %s', async (name) => {
    const code = await runRulesCommand([name, '--help']);

    expect(code).toBe(EXIT.ok);
    expect(String(log.mock.calls[0]?.[0])).toContain(`form-router rules ${name}`);
  });

  it('runs validate through the dispatcher', async () => {
    const code = await runRulesCommand(['validate', 'acme', '--json']);

    const output = JSON.parse(String(log.mock.calls[0]?.[0])) as { valid: boolean };
    expect(code).toBe(EXIT.ok);
    expect(output.valid).toBe(true);
  });
});
