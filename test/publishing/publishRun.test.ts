import { InvalidPublishRunError } from '../../functions/publishing/publishErrors';
import { decodePublishRun, requireField } from '../../functions/publishing/publishRun';
import type { PublishRun } from '../../functions/publishing/publishRun';

const VALID: PublishRun = { action: 'publish', brand: 'acme', publishId: 'publish-1', actor: 'cli:ana', draftId: 'd1' };

describe('decodePublishRun', () => {
  it('returns a valid run unchanged', () => {
    const run = { ...VALID, version: 2, previousVersion: null, activateAt: '2030-01-31T09:00:00Z' };

    expect(decodePublishRun(run)).toEqual(run);
  });

  it.each([
    ['a non-object', 'run', 'expected an object'],
    ['an unknown action', { ...VALID, action: 'delete' }, 'action "delete"'],
    ['an upper-case brand', { ...VALID, brand: 'Acme' }, 'brand "Acme"'],
    ['a publish id with a space', { ...VALID, publishId: 'a b' }, 'publishId "a b"'],
    ['an empty actor', { ...VALID, actor: ' ' }, 'actor " "'],
    ['a version of zero', { ...VALID, version: 0 }, 'version 0'],
    ['a fractional previous version', { ...VALID, previousVersion: 1.5 }, 'previousVersion 1.5'],
    ['an activation time without a zone', { ...VALID, activateAt: '2030-01-31T09:00:00' }, 'activateAt "2030-01-31T09:00:00"'],
  ])('rejects %s', (_case, input, fragment) => {
    expect(() => decodePublishRun(input)).toThrow(InvalidPublishRunError);
    expect(() => decodePublishRun(input)).toThrow(fragment);
  });
});

describe('requireField', () => {
  it('returns null for a previous version that is null', () => {
    expect(requireField({ ...VALID, previousVersion: null }, 'previousVersion')).toBeNull();
  });

  it('throws naming the missing field', () => {
    expect(() => requireField(VALID, 'version')).toThrow('missing "version"');
  });
});
