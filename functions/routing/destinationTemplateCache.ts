import type { RoutingTable } from '../ruleset/routingTable';
import { compileDestinationTemplate } from './destinationTemplate';
import type { DestinationTemplate } from './destinationTemplate';

interface TableTemplates {
  serviceHosts: readonly string[];
  byForm: Map<string, DestinationTemplate>;
}

/** Compiled templates per routing table; a table is immutable, and a new version is a new table. */
const templatesByTable = new WeakMap<RoutingTable, TableTemplates>();

/**
 * Returns the compiled URL template of a form of `table`, compiling it on first use. A template
 * that fails to compile is not kept, so every request that needs it throws the same error:
 * `UnsafeDestinationError`, or `TypeError` for a template that is not a URL.
 */
export function destinationTemplateOf(table: RoutingTable, formId: string, serviceHosts: readonly string[]): DestinationTemplate {
  let templates = templatesByTable.get(table);
  if (templates === undefined || templates.serviceHosts !== serviceHosts) {
    templates = { serviceHosts, byForm: new Map() };
    templatesByTable.set(table, templates);
  }

  const template = table.forms[formId]!.url;
  const cached = templates.byForm.get(formId);
  if (cached !== undefined && cached.template === template) {
    return cached;
  }

  const compiled = compileDestinationTemplate(template, { allowedHosts: table.settings.allowedHosts, serviceHosts });
  templates.byForm.set(formId, compiled);
  return compiled;
}
