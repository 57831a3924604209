/**
 * Publishing each sample brand through the local workflow on in-memory dynalite, and the checks
 * of a generated 2,000-rule brand one by one, against json-rules-engine run once per input over
 * the same brand's domain.
 */
import { join } from 'node:path';
import { runExpectations } from '../functions/publishing/validation/runExpectations';
import { validateRuleSet } from '../functions/publishing/validation/validateRuleSet';
import { lookupState } from '../functions/routing/zip/lookupState';
import { compileRoutingTable } from '../functions/ruleset/compileRoutingTable';
import { enumerateDomain } from '../functions/ruleset/ruleDomain';
import { RULES_DIR, loadRuleSet } from '../functions/ruleset/loadRuleSet';
import type { RuleSet } from '../functions/ruleset/ruleSet';
import { logger } from '../functions/shared/logger';
import { generateLargeRuleSet } from '../scripts/large-rule-set/generateLargeRuleSet';
import { runEngineOverDomain } from './engineDomainBaseline';
import { startLocalPublishing, timePublish } from './localPublishing';
import type { LocalPublishing } from './localPublishing';
import { medianNanosPerAsyncCall, round } from './measure';

export interface SampleBrandFigures {
  rules: number;
  expectations: number;
  /** Each product × language × state code, plus each named ZIP per product and language. */
  domainInputs: number;
  /** Median ms of `publishBrand` with new content, from draft to active version. */
  publishMedianMs: number;
  /** Baseline: median ms of a pass that creates an engine and runs it once per domain input. */
  engineDomainMedianMs: number;
  /** Publish divided by the baseline. */
  publishToEngineRatio: number;
}

export interface LargeBrandFigures {
  rules: number;
  expectations: number;
  domainInputs: number;
  /** Ms of `validateRuleSet`, `compileRoutingTable` and `runExpectations` on their first run in this process. */
  validateMs: number;
  compileMs: number;
  expectationsMs: number;
  /** The three checks summed, first run. */
  checksMs: number;
  /** The three checks summed, second run. */
  checksSecondRunMs: number;
  checksTargetMs: number;
  /** Ms of one `publishBrand` run, the brand's first version. */
  publishMs: number;
  /** Baseline: mean µs of one json-rules-engine run, over every `engineSampleStride`-th domain input. */
  engineMicrosPerInput: number;
  engineSampleStride: number;
  /** Estimate of one engine pass over the whole domain: the mean per input times the domain size. */
  engineDomainEstimatedMs: number;
  /** Checks (first run) divided by the estimated baseline. */
  checksToEngineRatio: number;
  /** Publish divided by the estimated baseline. */
  publishToEngineRatio: number;
}

export type PublishFigures = Record<string, SampleBrandFigures | LargeBrandFigures>;

/** Nanoseconds of each check on the large brand in one run. */
interface CheckNanos {
  validate: number;
  compile: number;
  expectations: number;
}

const SAMPLE_BRANDS = ['acme', 'bluebonnet', 'pinecrest'];
/** Timed publishes and engine passes per sample brand, each after as many warm-up runs. */
const SAMPLE_RUNS = 5;
/** The target for validating, compiling and testing a 2,000-rule brand. */
const CHECKS_TARGET_MS = 15_000;
/**
 * json-rules-engine evaluates every rule on every run, and one run over 2,010 rules took 25–65 ms
 * on a shared 2-core machine. A pass over all 3,240 inputs would then take 1.5–3.5 minutes, so
 * every 4th input is timed instead, which samples state and ZIP inputs alike.
 */
const LARGE_ENGINE_SAMPLE_STRIDE = 4;

/**
 * Runs the publish benchmark on a dynalite of its own, with the logger at ERROR level meanwhile.
 * Throws when a publish does not activate its version or the generated brand fails a check.
 */
export async function benchPublish(): Promise<PublishFigures> {
  const logLevel = logger.getLevelName();
  // compileDraft logs at info level on every run, which would mix with the `--json` output.
  logger.setLogLevel('ERROR');
  const publishing = await startLocalPublishing();

  try {
    const figures: PublishFigures = {};
    for (const brand of SAMPLE_BRANDS) {
      figures[brand] = await benchSampleBrand(publishing, loadRuleSet(join(RULES_DIR, brand)));
    }
    figures.large = await benchLargeBrand(publishing, generateLargeRuleSet(lookupState, { brand: 'large', publishable: true }));

    return figures;
  } finally {
    await publishing.close();
    logger.setLogLevel(logLevel);
  }
}

async function benchSampleBrand(publishing: LocalPublishing, ruleSet: RuleSet): Promise<SampleBrandFigures> {
  const domain = enumerateDomain(ruleSet, lookupState);

  let run = 0;
  const publishNanos = await medianNanosPerAsyncCall(() => timePublish(publishing, withDisplayName(ruleSet, (run += 1))), SAMPLE_RUNS);
  const engineNanos = await medianNanosPerAsyncCall(() => runEngineOverDomain(ruleSet, domain), SAMPLE_RUNS);

  return {
    rules: ruleSet.rules.length,
    expectations: ruleSet.expectations.length,
    domainInputs: domain.length,
    publishMedianMs: round(publishNanos / 1e6, 1),
    engineDomainMedianMs: round(engineNanos / 1e6, 1),
    publishToEngineRatio: round(publishNanos / engineNanos, 2),
  };
}

/** Times the checks twice, one publish and the engine on a sample of the domain. */
async function benchLargeBrand(publishing: LocalPublishing, ruleSet: RuleSet): Promise<LargeBrandFigures> {
  const domain = enumerateDomain(ruleSet, lookupState);

  const first = timeChecks(ruleSet);
  const second = timeChecks(ruleSet);
  const checksNanos = first.validate + first.compile + first.expectations;
  const publishNanos = await timePublish(publishing, ruleSet);
  const sample = domain.filter((_, index) => index % LARGE_ENGINE_SAMPLE_STRIDE === 0);
  const engineNanosPerInput = (await timeNanos(() => runEngineOverDomain(ruleSet, sample))) / sample.length;
  const engineNanos = engineNanosPerInput * domain.length;

  return {
    rules: ruleSet.rules.length,
    expectations: ruleSet.expectations.length,
    domainInputs: domain.length,
    validateMs: round(first.validate / 1e6, 0),
    compileMs: round(first.compile / 1e6, 0),
    expectationsMs: round(first.expectations / 1e6, 1),
    checksMs: round(checksNanos / 1e6, 0),
    checksSecondRunMs: round((second.validate + second.compile + second.expectations) / 1e6, 0),
    checksTargetMs: CHECKS_TARGET_MS,
    publishMs: round(publishNanos / 1e6, 0),
    engineMicrosPerInput: round(engineNanosPerInput / 1e3, 0),
    engineSampleStride: LARGE_ENGINE_SAMPLE_STRIDE,
    engineDomainEstimatedMs: round(engineNanos / 1e6, 0),
    checksToEngineRatio: round(checksNanos / engineNanos, 4),
    publishToEngineRatio: round(publishNanos / engineNanos, 4),
  };
}

/** Validates, compiles and runs the expectations once each. Throws when the rule set fails a check, since its times would mean nothing. */
function timeChecks(ruleSet: RuleSet): CheckNanos {
  const validation = timeSync(() => validateRuleSet(ruleSet, { lookupState, serviceHosts: [] }));
  const compiled = timeSync(() => compileRoutingTable(ruleSet, 1, lookupState));
  const expectations = timeSync(() => runExpectations(ruleSet, compiled.result, lookupState));
  const failed = [...validation.result.errors.map((error) => error.message), ...expectations.result.failed.map((failure) => failure.case)];
  if (failed.length > 0) {
    throw new Error(`The generated brand failed its checks, so generateLargeRuleSet's publishable option needs a fix: ${failed.slice(0, 3).join('; ')}`);
  }

  return { validate: validation.nanos, compile: compiled.nanos, expectations: expectations.nanos };
}

function timeSync<T>(run: () => T): { result: T; nanos: number } {
  const started = process.hrtime.bigint();
  const result = run();

  return { result, nanos: Number(process.hrtime.bigint() - started) };
}

async function timeNanos(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();

  return Number(process.hrtime.bigint() - started);
}

/** Returns the rule set under another display name, so that each publish stores new content. */
function withDisplayName(ruleSet: RuleSet, run: number): RuleSet {
  return { ...ruleSet, settings: { ...ruleSet.settings, displayName: `${ruleSet.settings.displayName} (run ${run})` } };
}
