import type { RuleStore } from '../../functions/rule-store/ruleStore';
import { DynamoRuleStore } from '../../functions/rule-store/dynamoRuleStore';
import { InMemoryRuleStore } from '../../functions/rule-store/inMemoryRuleStore';
import { sha256Hex, toCanonicalJson } from '../../functions/rule-store/canonicalJson';
import {
  ActivationConflictError,
  DraftNotFoundError,
  InvalidHistoryEntryError,
  PublishKeyConflictError,
  VersionNotFoundError,
} from '../../functions/rule-store/errors';
import { historyEntry, largeRuleSet, smallRuleSet, useDynaliteTables } from './fixtures/ruleStoreFixtures';

const dynalite = useDynaliteTables();

const adapters: [string, () => Promise<RuleStore>][] = [
  ['DynamoRuleStore', async () => new DynamoRuleStore(await dynalite.createTable())],
  ['InMemoryRuleStore', async () => new InMemoryRuleStore()],
];

describe.each(adapters)('%s', (_adapter, createStore) => {
  let store: RuleStore;

  beforeEach(async () => {
    store = await createStore();
  });

  describe('putVersion', () => {
    it('numbers versions 1, 2, 3 per brand', async () => {
      const first = await store.putVersion(smallRuleSet('acme', 1), 'author');
      const second = await store.putVersion(smallRuleSet('acme', 2), 'author');
      const third = await store.putVersion(smallRuleSet('acme', 3), 'author');
      const otherBrand = await store.putVersion(smallRuleSet('zenith'), 'author');

      expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
      expect(otherBrand.version).toBe(1);
    });

    it('records hash, size and author', async () => {
      const ruleSet = smallRuleSet('acme');
      const canonical = toCanonicalJson(ruleSet);

      const record = await store.putVersion(ruleSet, 'author@example.com');

      expect(record.brand).toBe('acme');
      expect(record.contentHash).toBe(sha256Hex(canonical));
      expect(record.sizeBytes).toBe(Buffer.byteLength(canonical));
      expect(record.createdBy).toBe('author@example.com');
      expect(Date.parse(record.createdAt)).not.toBeNaN();
    });

    it('gives concurrent calls distinct numbers', async () => {
      const records = await Promise.all([1, 2, 3, 4].map((variant) => store.putVersion(smallRuleSet('acme', variant), 'author')));

      expect(records.map((record) => record.version).sort()).toEqual([1, 2, 3, 4]);
    });
  });

  describe('getVersion', () => {
    it('returns the stored rule set', async () => {
      const ruleSet = smallRuleSet('acme');
      const record = await store.putVersion(ruleSet, 'author');

      const stored = await store.getVersion('acme', record.version);

      expect(stored.ruleSet).toEqual(ruleSet);
      expect(stored.contentHash).toBe(record.contentHash);
    });

    it('round-trips a rule set of several megabytes', async () => {
      const ruleSet = largeRuleSet('acme');
      expect(Buffer.byteLength(toCanonicalJson(ruleSet))).toBeGreaterThan(3 * 1024 * 1024);

      const record = await store.putVersion(ruleSet, 'author');
      const stored = await store.getVersion('acme', record.version);

      expect(stored.ruleSet).toEqual(ruleSet);
    });

    it.each([0, -1, 1.5, 2, Number.NaN])('throws VersionNotFoundError for version %p', async (version) => {
      await store.putVersion(smallRuleSet('acme'), 'author');

      await expect(store.getVersion('acme', version)).rejects.toThrow(VersionNotFoundError);
    });

    it('keeps a version unchanged when later ones differ', async () => {
      const original = smallRuleSet('acme', 1);
      await store.putVersion(original, 'author');
      await store.putVersion(smallRuleSet('acme', 2), 'author');

      const stored = await store.getVersion('acme', 1);

      expect(stored.ruleSet).toEqual(original);
    });
  });

  describe('immutability', () => {
    it('offers no method that changes versions', () => {
      const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(store));

      expect(methods.filter((name) => /update|delete|remove|replace|overwrite/i.test(name))).toEqual([]);
    });
  });

  describe('getLatestVersion and listVersions', () => {
    it('returns nothing for a brand without versions', async () => {
      expect(await store.getLatestVersion('acme')).toBeNull();
      expect(await store.listVersions('acme')).toEqual([]);
    });

    it('returns newest and lists oldest first', async () => {
      for (const variant of [1, 2, 3]) {
        await store.putVersion(smallRuleSet('acme', variant), 'author');
      }

      const latest = await store.getLatestVersion('acme');
      const versions = await store.listVersions('acme');

      expect(latest?.version).toBe(3);
      expect(versions.map((record) => record.version)).toEqual([1, 2, 3]);
    });
  });

  describe('activate', () => {
    it('activates with no pointer yet', async () => {
      await store.putVersion(smallRuleSet('acme'), 'author');

      const pointer = await store.activate('acme', 1, null, 'operator');

      expect(pointer).toMatchObject({ brand: 'acme', version: 1, activatedBy: 'operator', previousVersion: null });
      expect(await store.getActive('acme')).toEqual(pointer);
    });

    it('replaces the expected version', async () => {
      await store.putVersion(smallRuleSet('acme', 1), 'author');
      await store.putVersion(smallRuleSet('acme', 2), 'author');
      await store.activate('acme', 1, null, 'operator');

      const pointer = await store.activate('acme', 2, 1, 'operator');

      expect(pointer.version).toBe(2);
      expect(pointer.previousVersion).toBe(1);
    });

    it.each([
      ['a stale expected version', 2 as number | null],
      ['no expected version', null],
    ])('throws ActivationConflictError for %s', async (_case, expected) => {
      for (const variant of [1, 2, 3]) {
        await store.putVersion(smallRuleSet('acme', variant), 'author');
      }
      await store.activate('acme', 1, null, 'operator');

      const activation = store.activate('acme', 3, expected, 'operator');

      await expect(activation).rejects.toThrow(ActivationConflictError);
      await expect(activation).rejects.toMatchObject({ code: 'activation_conflict', expectedVersion: expected, currentVersion: 1 });
      expect((await store.getActive('acme'))?.version).toBe(1);
    });

    it('lets one of two concurrent activations win', async () => {
      for (const variant of [1, 2, 3]) {
        await store.putVersion(smallRuleSet('acme', variant), 'author');
      }
      await store.activate('acme', 1, null, 'operator');

      const results = await Promise.allSettled([store.activate('acme', 2, 1, 'first'), store.activate('acme', 3, 1, 'second')]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      const active = await store.getActive('acme');

      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(ActivationConflictError);
      expect(lost[0]?.reason).toMatchObject({ expectedVersion: 1, currentVersion: active?.version });
      expect(active?.previousVersion).toBe(1);
    });

    it('rejects an unknown version before writing', async () => {
      await store.putVersion(smallRuleSet('acme'), 'author');
      await store.activate('acme', 1, null, 'operator');

      const activation = store.activate('acme', 7, 1, 'operator');

      await expect(activation).rejects.toThrow(VersionNotFoundError);
      await expect(activation).rejects.toMatchObject({ code: 'version_not_found', version: 7 });
      expect((await store.getActive('acme'))?.version).toBe(1);
    });
  });

  describe('getActive and listActive', () => {
    it('returns null for a brand never activated', async () => {
      expect(await store.getActive('acme')).toBeNull();
    });

    it('lists every brand in order', async () => {
      for (const brand of ['zenith', 'acme']) {
        await store.putVersion(smallRuleSet(brand), 'author');
        await store.activate(brand, 1, null, 'operator');
      }

      const pointers = await store.listActive();

      expect(pointers.map((pointer) => [pointer.brand, pointer.version])).toEqual([
        ['acme', 1],
        ['zenith', 1],
      ]);
    });
  });

  describe('drafts', () => {
    it('stores a draft and returns its rule set', async () => {
      const ruleSet = smallRuleSet('acme');

      const draft = await store.putDraft(ruleSet, 'author');
      const stored = await store.getDraft('acme', draft.draftId);

      expect(draft.contentHash).toBe(sha256Hex(toCanonicalJson(ruleSet)));
      expect(stored.ruleSet).toEqual(ruleSet);
      expect(await store.listVersions('acme')).toEqual([]);
    });

    it('returns the first record for equal content', async () => {
      const first = await store.putDraft(smallRuleSet('acme'), 'first author');
      const second = await store.putDraft(smallRuleSet('acme'), 'second author');

      expect(second).toEqual(first);
    });

    it('throws DraftNotFoundError for an unknown draft', async () => {
      await expect(store.getDraft('acme', 'missing')).rejects.toThrow(DraftNotFoundError);
    });
  });

  describe('putVersionFromDraft', () => {
    it('stores the draft as the next version', async () => {
      const ruleSet = smallRuleSet('acme');
      const draft = await store.putDraft(ruleSet, 'author');

      const record = await store.putVersionFromDraft('acme', draft.draftId, 'workflow', 'publish-1');
      const stored = await store.getVersion('acme', record.version);

      expect(record).toMatchObject({ version: 1, draftId: draft.draftId, publishKey: 'publish-1', contentHash: draft.contentHash, createdBy: 'workflow' });
      expect(stored.ruleSet).toEqual(ruleSet);
    });

    it('returns the same version when repeated', async () => {
      const draft = await store.putDraft(smallRuleSet('acme'), 'author');

      const first = await store.putVersionFromDraft('acme', draft.draftId, 'workflow');
      const second = await store.putVersionFromDraft('acme', draft.draftId, 'workflow');

      expect(second).toEqual(first);
      expect(await store.listVersions('acme')).toHaveLength(1);
    });

    it('stores one version for concurrent calls', async () => {
      const draft = await store.putDraft(smallRuleSet('acme'), 'author');

      const records = await Promise.all([1, 2, 3].map(() => store.putVersionFromDraft('acme', draft.draftId, 'workflow', 'publish-1')));

      expect(new Set(records.map((record) => record.version))).toEqual(new Set([1]));
      expect(await store.listVersions('acme')).toHaveLength(1);
    });

    it('stores a new version for a new key', async () => {
      const draft = await store.putDraft(smallRuleSet('acme'), 'author');

      const first = await store.putVersionFromDraft('acme', draft.draftId, 'workflow', 'publish-1');
      const second = await store.putVersionFromDraft('acme', draft.draftId, 'workflow', 'publish-2');

      expect([first.version, second.version]).toEqual([1, 2]);
    });

    it('rejects a key of another draft', async () => {
      const first = await store.putDraft(smallRuleSet('acme', 1), 'author');
      const second = await store.putDraft(smallRuleSet('acme', 2), 'author');
      await store.putVersionFromDraft('acme', first.draftId, 'workflow', 'publish-1');

      const publish = store.putVersionFromDraft('acme', second.draftId, 'workflow', 'publish-1');

      await expect(publish).rejects.toThrow(PublishKeyConflictError);
      await expect(publish).rejects.toMatchObject({ storedDraftId: first.draftId, requestedDraftId: second.draftId });
    });

    it('throws DraftNotFoundError for an unknown draft', async () => {
      await expect(store.putVersionFromDraft('acme', 'missing', 'workflow')).rejects.toThrow(DraftNotFoundError);
    });
  });

  describe('history', () => {
    it('lists entries newest first', async () => {
      await store.appendHistory(historyEntry('acme', { publishId: 'older', at: '2024-05-01T12:00:00.000Z' }));
      await store.appendHistory(historyEntry('acme', { publishId: 'newest', at: '2024-05-03T12:00:00.000Z' }));
      await store.appendHistory(historyEntry('acme', { publishId: 'middle', at: '2024-05-02T12:00:00.000Z' }));
      await store.appendHistory(historyEntry('zenith', { publishId: 'other brand' }));

      const entries = await store.listHistory('acme');

      expect(entries.map((entry) => entry.publishId)).toEqual(['newest', 'middle', 'older']);
    });

    it('returns at most limit entries', async () => {
      for (const day of [1, 2, 3]) {
        await store.appendHistory(historyEntry('acme', { publishId: `day-${day}`, at: `2024-05-0${day}T12:00:00.000Z` }));
      }

      const entries = await store.listHistory('acme', 2);

      expect(entries.map((entry) => entry.publishId)).toEqual(['day-3', 'day-2']);
    });

    it('keeps one entry when an append is retried', async () => {
      await store.appendHistory(historyEntry('acme'));
      await store.appendHistory(historyEntry('acme'));

      expect(await store.listHistory('acme')).toHaveLength(1);
    });

    it('returns every field of a failed run', async () => {
      const entry = historyEntry('acme', {
        action: 'rollback',
        version: null,
        previousVersion: 4,
        outcome: 'failed',
        diffSummary: { changedInputs: 12, rulesAdded: ['texas-agent'] },
        error: { name: 'ActivationConflictError', message: 'expected 4, found 5' },
      });

      await store.appendHistory(entry);

      expect(await store.listHistory('acme')).toEqual([entry]);
    });

    it('stores the time as UTC ISO 8601', async () => {
      await store.appendHistory(historyEntry('acme', { at: '2024-05-01T14:00:00+02:00' }));

      const [entry] = await store.listHistory('acme');

      expect(entry?.at).toBe('2024-05-01T12:00:00.000Z');
    });

    it('rejects a time that is not a date', async () => {
      await expect(store.appendHistory(historyEntry('acme', { at: 'yesterday' }))).rejects.toThrow(InvalidHistoryEntryError);
    });

    it.each([0, -3, 2.5])('throws RangeError for limit %p', async (limit) => {
      await expect(store.listHistory('acme', limit)).rejects.toThrow(RangeError);
    });
  });
});
