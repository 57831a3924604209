import { domainToASCII } from 'node:url';
import { isRecord } from '../conditionLeaves';
import type { CheckContext, RuleProblem } from '../ruleProblem';

/** A DNS host name: dot-separated labels of letters, digits and inner hyphens, at most 253 characters. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Reports `allowedHosts` entries that are not plain host names, and entries that are one of Form
 * Router's own hosts. An entry with a scheme, path, port, user info, wildcard or trailing dot never
 * equals a URL's host, so it allows nothing, or not what its author meant.
 */
export function checkAllowedHosts(context: CheckContext): RuleProblem[] {
  const hosts: unknown = isRecord(context.ruleSet.settings) ? context.ruleSet.settings.allowedHosts : undefined;
  if (!Array.isArray(hosts)) {
    return [];
  }

  return hosts.flatMap((host: unknown, index): RuleProblem[] => {
    const path = `settings.allowedHosts[${index}]`;
    const base = { severity: 'error', brand: context.brand, path } as const;
    if (typeof host !== 'string' || !HOST_NAME.test(host)) {
      const message = `Brand "${context.brand}": allowedHosts entry ${JSON.stringify(host)} is not a plain host name. ${adviceFor(host)}`;
      return [{ ...base, code: 'invalid_allowed_host', message }];
    }
    if (context.serviceHosts.some((serviceHost) => serviceHost.toLowerCase() === host.toLowerCase())) {
      const message = `Brand "${context.brand}": allowedHosts entry "${host}" is a host of Form Router itself; a destination there would loop. Remove it.`;
      return [{ ...base, code: 'allowed_host_is_service_host', message }];
    }

    return [];
  });
}

function adviceFor(host: unknown): string {
  if (typeof host !== 'string') {
    return 'Write a host name such as "quote.example.com".';
  }

  const plainForm = plainHostOf(host);
  if (/\*/.test(host)) {
    return 'Wildcards are not supported; list every host, e.g. "quote.example.com".';
  }
  if (/[^\x00-\x7f]/.test(host)) {
    const ascii = domainToASCII(host);
    return ascii === '' ? 'Write the host name in its ASCII form.' : `Write the host name in its ASCII form, "${ascii}".`;
  }
  return plainForm !== undefined && plainForm !== host
    ? `Write only the host name, "${plainForm}", without scheme, user info, port, path or trailing dot.`
    : 'Write a host name such as "quote.example.com".';
}

/** Returns the host name inside a URL-like entry (`https://quote.example.com/` → `quote.example.com`). */
function plainHostOf(entry: string): string | undefined {
  const candidate = entry.trim();
  try {
    const url = new URL(candidate.includes('://') ? candidate : `https://${candidate}`);
    const host = url.hostname.replace(/\.$/, '');

    return HOST_NAME.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}
