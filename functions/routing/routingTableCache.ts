import type { RuleStore } from '../rule-store/ruleStore';
import type { RoutingTable } from '../ruleset/routingTable';
import type { RuleSet } from '../ruleset/ruleSet';
import { logger } from '../shared/logger';

/** Rule store reads of the hot path: the active pointers and the versions they name. */
export type ActiveVersionSource = Pick<RuleStore, 'listActive' | 'getVersion'>;

/** Origin of a brand's table: the rule store, or the snapshot bundled at build time. */
export type TableSource = 'store' | 'snapshot';

export interface RoutingTableCacheOptions {
  source: ActiveVersionSource;
  compile: (ruleSet: RuleSet, version: number) => RoutingTable;
  /** Rule sets compiled into the bundle, served only when the store cannot be read at a cold start. */
  snapshot: () => RuleSet[];
  refreshSeconds: number;
  now?: () => number;
}

/**
 * Routing tables in memory, refreshed from the rule store. The active pointers are read at most
 * once every `refreshSeconds`. Concurrent requests share one refresh, so a new version is loaded
 * and compiled once per process. When the store fails, the last good tables stay in service.
 */
export class RoutingTableCache {
  private tables = new Map<string, RoutingTable>();
  private sources = new Map<string, TableSource>();
  private checkedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: RoutingTableCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Refreshes when the last check is older than the bound, then returns the brand's table. */
  async tableFor(brand: string): Promise<RoutingTable | undefined> {
    await this.refreshIfDue();
    return this.tables.get(brand);
  }

  /** Refreshes like `tableFor`, then returns every loaded table with its source. */
  async allTables(): Promise<{ table: RoutingTable; source: TableSource }[]> {
    await this.refreshIfDue();
    return [...this.tables.values()].map((table) => ({ table, source: this.sources.get(table.brand) ?? 'store' }));
  }

  /** Table lookup without a refresh, for code that has just awaited one. */
  peek(brand: string): RoutingTable | undefined {
    return this.tables.get(brand);
  }

  /**
   * Starts a refresh when the last check is older than the bound and returns it to await, or
   * `undefined` when the tables are fresh, so that the hot path awaits nothing in the common case.
   */
  refreshIfDue(): Promise<void> | undefined {
    if (this.now() - this.checkedAt < this.options.refreshSeconds * 1000) {
      return undefined;
    }

    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<void> {
    try {
      await this.loadActiveVersions();
    } catch (error) {
      this.keepServing(error);
    } finally {
      this.checkedAt = this.now();
    }
  }

  private async loadActiveVersions(): Promise<void> {
    const pointers = await this.options.source.listActive();
    const next = new Map<string, RoutingTable>();

    for (const pointer of pointers) {
      const current = this.tables.get(pointer.brand);
      if (current && current.version === pointer.version && this.sources.get(pointer.brand) === 'store') {
        next.set(pointer.brand, current);
        continue;
      }

      const stored = await this.options.source.getVersion(pointer.brand, pointer.version);
      next.set(pointer.brand, this.options.compile(stored.ruleSet, stored.version));
      logger.info('routing table loaded', { brand: pointer.brand, version: pointer.version });
    }

    this.tables = next;
    this.sources = new Map([...next.keys()].map((brand) => [brand, 'store']));
  }

  private keepServing(error: unknown): void {
    if (this.tables.size > 0) {
      logger.error('rule store unreachable, serving the last good routing tables', {
        error: error as Error,
        versions: Object.fromEntries([...this.tables].map(([brand, table]) => [brand, table.version])),
      });
      return;
    }

    const snapshot = this.options.snapshot().map((ruleSet) => this.options.compile(ruleSet, 0));
    this.tables = new Map(snapshot.map((table) => [table.brand, table]));
    this.sources = new Map(snapshot.map((table) => [table.brand, 'snapshot']));
    logger.error('rule store unreachable at cold start, serving the bundled snapshot', {
      error: error as Error,
      brands: [...this.tables.keys()],
    });
  }
}
