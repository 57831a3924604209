import { fillTemplate, TEMPLATE_PLACEHOLDERS } from '../../../routing/destinationUrl';
import type { TemplateValues } from '../../../routing/destinationUrl';
import { isRecord } from '../conditionLeaves';
import type { CheckContext, RuleProblem, RuleProblemCode } from '../ruleProblem';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS);
const PLACEHOLDER_LIST = TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(' ');

/** A URL template to check and where it comes from. */
interface Destination {
  /** `form "auto-online"` or `fallbackUrl` */
  label: string;
  path: string;
  template: unknown;
}

/**
 * Checks every form URL and the `fallbackUrl`: each must parse with the WHATWG URL parser, use
 * https, carry no user info, point to a host on `allowedHosts` (exact match, ignoring case) that
 * is not one of Form Router's own hosts, and use only the placeholders {zip} {state} {product}
 * {lang}, never in the host. A template that passes is also filled with sample values and put
 * through the hot path's own check (`fillTemplate`), so both always agree.
 */
export function checkDestinationUrls(context: CheckContext): RuleProblem[] {
  const settings: Record<string, unknown> = isRecord(context.ruleSet.settings) ? context.ruleSet.settings : {};
  const forms: Record<string, unknown> = isRecord(context.ruleSet.forms) ? context.ruleSet.forms : {};
  const destinations: Destination[] = [
    ...Object.entries(forms).map(([id, form]) => ({ label: `form "${id}"`, path: `forms.${id}.url`, template: isRecord(form) ? form.url : undefined })),
    { label: 'fallbackUrl', path: 'settings.fallbackUrl', template: settings.fallbackUrl },
  ];

  return destinations.flatMap((destination) => checkDestination(context, settings, destination));
}

function checkDestination(context: CheckContext, settings: Record<string, unknown>, destination: Destination): RuleProblem[] {
  const report = (code: RuleProblemCode, detail: string): RuleProblem => ({
    code,
    severity: 'error',
    brand: context.brand,
    path: destination.path,
    message: `Brand "${context.brand}", ${destination.label}: ${detail}`,
  });
  const { template } = destination;
  if (typeof template !== 'string') {
    return [report('invalid_url', `the URL is ${JSON.stringify(template) ?? 'missing'}; expected an https URL such as "https://quote.example.com/auto?zip={zip}".`)];
  }

  const placeholderProblems = checkPlaceholders(template).map((detail) => report('unknown_placeholder', detail));
  let url: URL;
  try {
    url = new URL(template);
  } catch {
    return [...placeholderProblems, report('invalid_url', `"${template}" is not a valid absolute URL; expected an https URL such as "https://quote.example.com/auto?zip={zip}".`)];
  }

  const urlProblems = checkParsedUrl(context, settings, template, url).map(([code, detail]) => report(code, detail));
  const problems = [...placeholderProblems, ...urlProblems];
  return problems.length > 0 ? problems : checkFilled(context, settings, template).map((detail) => report('unsafe_destination', detail));
}

function checkPlaceholders(template: string): string[] {
  const unknown = [...template.matchAll(PLACEHOLDER)].map((match) => match[0]).filter((token) => !KNOWN_PLACEHOLDERS.has(token.slice(1, -1)));
  const problems = [...new Set(unknown)].map((token) => `"${template}" uses the placeholder ${token}; only ${PLACEHOLDER_LIST} are filled in.`);

  const stray = template.replace(PLACEHOLDER, '');
  if (stray.includes('{') || stray.includes('}')) {
    problems.push(`"${template}" has a "{" or "}" that does not belong to a placeholder; write placeholders as ${PLACEHOLDER_LIST}, and other braces as %7B and %7D.`);
  }
  return problems;
}

function checkParsedUrl(context: CheckContext, settings: Record<string, unknown>, template: string, url: URL): [RuleProblemCode, string][] {
  const host = url.hostname.toLowerCase();
  if (/[{}]|%7b|%7d/i.test(url.host)) {
    return [['placeholder_in_host', `"${template}" has a placeholder in its host "${url.host}"; placeholders may appear only in the path and query, so the host can never change.`]];
  }

  const problems: [RuleProblemCode, string][] = [];
  if (url.protocol !== 'https:') {
    problems.push(['insecure_url', `"${template}" uses ${url.protocol.slice(0, -1)}; every destination must use https.`]);
  }
  if (url.username !== '' || url.password !== '') {
    problems.push(['url_userinfo', `"${template}" contains user info before "@"; remove it, because a destination must not carry credentials and "@" can disguise the real host.`]);
  }
  if (context.serviceHosts.some((serviceHost) => serviceHost.toLowerCase() === host)) {
    problems.push(['service_host', `"${template}" points to ${host}, which is Form Router itself, so the visitor would loop. Point it to the brand's form host.`]);
  } else if (!allowedHostsOf(settings).includes(host)) {
    problems.push(['host_not_allowed', `"${template}" points to ${host}, which is not in allowedHosts (${allowedHostsOf(settings).join(', ') || 'empty'}). Add the host to allowedHosts in brand.json or fix the URL.`]);
  }
  return problems;
}

/** Fills the template as the hot path does and returns its complaint, if any. */
function checkFilled(context: CheckContext, settings: Record<string, unknown>, template: string): string[] {
  const values: TemplateValues = { zip: '02134', state: 'MA', product: 'auto', lang: typeof settings.defaultLanguage === 'string' ? settings.defaultLanguage : 'en' };
  try {
    fillTemplate(template, values, { allowedHosts: allowedHostsOf(settings), serviceHosts: context.serviceHosts });
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [`"${template}" filled with zip=02134, state=MA, product=auto fails the redirect check: ${reason}.`];
  }
}

function allowedHostsOf(settings: Record<string, unknown>): string[] {
  const hosts: unknown = settings.allowedHosts;

  return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string').map((host) => host.toLowerCase()) : [];
}
