import type { ActivePointer, StoredVersion } from '../../functions/rule-store/ruleStore';
import { RoutingTableCache } from '../../functions/routing/routingTableCache';
import type { ActiveVersionSource } from '../../functions/routing/routingTableCache';
import type { RoutingTable } from '../../functions/ruleset/routingTable';
import type { RuleSet } from '../../functions/ruleset/ruleSet';

function ruleSetOf(brand: string): RuleSet {
  return { settings: { brand } as RuleSet['settings'], forms: {}, rules: [], expectations: [] };
}

function tableOf(ruleSet: RuleSet, version: number): RoutingTable {
  return { brand: ruleSet.settings.brand, version, settings: ruleSet.settings, forms: {}, byState: new Map(), byZip: new Map() };
}

/** A rule store stand-in whose pointers, failures and latency the test controls. */
class ScriptedSource implements ActiveVersionSource {
  pointers: ActivePointer[] = [];
  failing = false;
  listCalls = 0;
  getCalls = 0;

  async listActive(): Promise<ActivePointer[]> {
    this.listCalls++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failing) {
      throw new Error('store unreachable');
    }
    return this.pointers;
  }

  async getVersion(brand: string, version: number): Promise<StoredVersion> {
    this.getCalls++;
    return { brand, version, contentHash: 'h', createdAt: '', createdBy: '', sizeBytes: 0, ruleSet: ruleSetOf(brand) };
  }

  activate(brand: string, version: number): void {
    this.pointers = [...this.pointers.filter((p) => p.brand !== brand), { brand, version, activatedAt: '', activatedBy: '', previousVersion: null }];
  }
}

function createCache(source: ScriptedSource, clock: { now: number }, compiled: number[] = []) {
  return new RoutingTableCache({
    source,
    compile: (ruleSet, version) => {
      compiled.push(version);
      return tableOf(ruleSet, version);
    },
    snapshot: () => [ruleSetOf('acme'), ruleSetOf('globex')],
    refreshSeconds: 10,
    now: () => clock.now,
  });
}

describe('RoutingTableCache', () => {
  it('checks the pointers at most once per refresh interval', async () => {
    const source = new ScriptedSource();
    source.activate('acme', 1);
    const clock = { now: 0 };
    const cache = createCache(source, clock);

    await cache.tableFor('acme');
    clock.now = 9_999;
    await cache.tableFor('acme');
    clock.now = 10_000;
    await cache.tableFor('acme');

    expect(source.listCalls).toBe(2);
  });

  it('serves a new version after the refresh interval', async () => {
    const source = new ScriptedSource();
    source.activate('acme', 1);
    const clock = { now: 0 };
    const cache = createCache(source, clock);
    await cache.tableFor('acme');

    source.activate('acme', 2);
    const beforeRefresh = await cache.tableFor('acme');
    clock.now = 10_000;
    const afterRefresh = await cache.tableFor('acme');

    expect(beforeRefresh?.version).toBe(1);
    expect(afterRefresh?.version).toBe(2);
  });

  it('loads a new version once under concurrent requests', async () => {
    const source = new ScriptedSource();
    source.activate('acme', 3);
    const compiled: number[] = [];
    const cache = createCache(source, { now: 0 }, compiled);

    const tables = await Promise.all(Array.from({ length: 50 }, () => cache.tableFor('acme')));

    expect(tables.every((table) => table?.version === 3)).toBe(true);
    expect(source.listCalls).toBe(1);
    expect(source.getCalls).toBe(1);
    expect(compiled).toEqual([3]);
  });

  it('keeps the last good table when the store fails', async () => {
    const source = new ScriptedSource();
    source.activate('acme', 4);
    const clock = { now: 0 };
    const cache = createCache(source, clock);
    await cache.tableFor('acme');

    source.failing = true;
    clock.now = 20_000;
    const table = await cache.tableFor('acme');

    expect(table?.version).toBe(4);
    expect((await cache.allTables()).map((entry) => entry.source)).toEqual(['store']);
  });

  it('serves the bundled snapshot on a cold start without the store', async () => {
    const source = new ScriptedSource();
    source.failing = true;
    const cache = createCache(source, { now: 0 });

    const table = await cache.tableFor('globex');
    const sources = (await cache.allTables()).map((entry) => entry.source);

    expect(table?.version).toBe(0);
    expect(sources).toEqual(['snapshot', 'snapshot']);
  });

  it('replaces the snapshot once the store answers', async () => {
    const source = new ScriptedSource();
    source.failing = true;
    const clock = { now: 0 };
    const cache = createCache(source, clock);
    await cache.tableFor('acme');

    source.failing = false;
    source.activate('acme', 7);
    clock.now = 10_000;
    const table = await cache.tableFor('acme');

    expect(table?.version).toBe(7);
    expect(await cache.tableFor('globex')).toBeUndefined();
  });

  it('returns undefined for a brand without a pointer', async () => {
    const source = new ScriptedSource();
    source.activate('acme', 1);
    const cache = createCache(source, { now: 0 });

    expect(await cache.tableFor('initech')).toBeUndefined();
  });
});
