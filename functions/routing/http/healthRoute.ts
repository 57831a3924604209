import type { RoutingTableCache } from '../routingTableCache';
import { ZIP_DATA_VERSION } from '../zip/lookupState';
import { jsonResponse } from './responses';
import type { HttpResponse } from './responses';

/**
 * `GET /health`: the active version of each brand with its products and languages, and the
 * data versions. `status` is `degraded` while any brand is served from the bundled snapshot.
 */
export async function healthRoute(cache: RoutingTableCache): Promise<HttpResponse> {
  const tables = await cache.allTables();
  const brands = Object.fromEntries(
    tables
      .sort((a, b) => a.table.brand.localeCompare(b.table.brand))
      .map(({ table, source }) => [
        table.brand,
        {
          version: table.version,
          source,
          defaultLanguage: table.settings.defaultLanguage,
          products: Object.fromEntries(Object.entries(table.settings.products).map(([product, settings]) => [product, settings.languages])),
        },
      ]),
  );

  const degraded = tables.some(({ source }) => source === 'snapshot');
  return jsonResponse(200, { status: degraded ? 'degraded' : 'ok', brands, data: { zipTable: ZIP_DATA_VERSION } });
}
