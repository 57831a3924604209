import { isRecord, ruleEntries } from '../conditionLeaves';
import type { RuleEntry } from '../conditionLeaves';
import type { CheckContext, RuleProblem } from '../ruleProblem';

/**
 * Reports, as errors, rules whose event names a form that forms.json does not define and a
 * `fallbackForm` that it does not define. Forms that neither a rule nor `fallbackForm` uses are
 * warnings, since an unused form is harmless but often a leftover or a typo elsewhere.
 */
export function checkFormReferences(context: CheckContext): RuleProblem[] {
  const forms: unknown = context.ruleSet.forms;
  const known = new Set(isRecord(forms) ? Object.keys(forms) : []);
  const rules = ruleEntries(context.ruleSet);

  const unknownForms = rules.flatMap((rule) => checkRuleForm(context.brand, known, rule));
  const fallback = checkFallbackForm(context, known);
  const unused = findUnused(context, known, rules);

  return [...unknownForms, ...fallback, ...unused];
}

/** Returns the form a rule's event names, or `undefined` when the event does not name one. */
export function formOfRule(rule: RuleEntry): unknown {
  const event = rule.value.event;
  const params = isRecord(event) ? event.params : undefined;

  return isRecord(params) ? params.form : undefined;
}

function checkRuleForm(brand: string, known: ReadonlySet<string>, rule: RuleEntry): RuleProblem[] {
  const form = formOfRule(rule);
  if (typeof form === 'string' && known.has(form)) {
    return [];
  }

  const message = `Brand "${brand}", rule "${rule.label}" routes to the form ${JSON.stringify(form) ?? '(none)'}, which forms.json does not define. Defined forms: ${listForms(known)}.`;
  return [{ code: 'unknown_form', severity: 'error', brand, rule: rule.label, path: `${rule.path}.event.params.form`, message }];
}

function checkFallbackForm(context: CheckContext, known: ReadonlySet<string>): RuleProblem[] {
  const fallbackForm: unknown = context.ruleSet.settings?.fallbackForm;
  if (typeof fallbackForm === 'string' && known.has(fallbackForm)) {
    return [];
  }

  const message =
    `Brand "${context.brand}": fallbackForm ${JSON.stringify(fallbackForm) ?? '(none)'} in brand.json is not defined in forms.json, ` +
    `so an input that no rule matches has nowhere to go. Defined forms: ${listForms(known)}.`;
  return [{ code: 'unknown_fallback_form', severity: 'error', brand: context.brand, path: 'settings.fallbackForm', message }];
}

function findUnused(context: CheckContext, known: ReadonlySet<string>, rules: RuleEntry[]): RuleProblem[] {
  const used = new Set<unknown>([context.ruleSet.settings?.fallbackForm, ...rules.map(formOfRule)]);

  return [...known]
    .filter((form) => !used.has(form))
    .map((form) => ({
      code: 'unused_form' as const,
      severity: 'warning' as const,
      brand: context.brand,
      path: `forms.${form}`,
      message: `Brand "${context.brand}": form "${form}" is defined in forms.json but no rule routes to it and it is not the fallbackForm. Remove it or route a rule to it.`,
    }));
}

function listForms(known: ReadonlySet<string>): string {
  return known.size === 0 ? 'none' : [...known].join(', ');
}
