import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CloudFormationTemplate } from './cloudFormationQueries';

export * from './cloudFormationQueries';
export { zipEntryNames } from './zipEntries';

/** Milliseconds `serverless package` may run, or wait for another test file's run, before it fails. */
const SERVERLESS_PACKAGE_TIMEOUT_MS = 240_000;

/** Timeout for a `beforeAll` that calls `packageService`: the packaging budget plus a minute for reading the output. */
export const PACKAGE_TIMEOUT_MS = SERVERLESS_PACKAGE_TIMEOUT_MS + 60_000;

const REPOSITORY_ROOT = resolve(__dirname, '..', '..');
const STAGE = 'test';
/** Files and folders whose content goes into the template or a zip; a change to any of them packages again. */
const PACKAGING_INPUTS = ['serverless.yml', 'package.json', 'package-lock.json', 'functions', 'statemachines', 'rules'];
const LOCK_POLL_MS = 500;
/** Age after which a lock file without a readable process id is taken to be left over from a killed run. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/** Output of `serverless package --stage test`. */
export interface PackagedService {
  template: CloudFormationTemplate;
  /** Bytes of each zip by file name, e.g. `redirect.zip`. */
  zipSizes: Record<string, number>;
  /** Folder holding the templates and the zips. */
  directory: string;
}

let packaged: Promise<PackagedService> | undefined;

/**
 * Packages the service with osls for stage `test` and returns the update-stack template and the zip sizes.
 * The output is cached in the OS temporary folder under a hash of the packaging inputs, so the test
 * files of one run, and later runs without changes, share one packaging. A lock file lets one jest
 * worker package while the others wait. Throws with the osls output when packaging fails or takes
 * longer than four minutes.
 */
export function packageService(): Promise<PackagedService> {
  packaged ??= packageOnce();

  return packaged;
}

async function packageOnce(): Promise<PackagedService> {
  const repositoryKey = sha256(REPOSITORY_ROOT).slice(0, 8);
  const directory = join(tmpdir(), `form-router-package-${repositoryKey}-${hashPackagingInputs().slice(0, 16)}`);

  if (!existsSync(directory)) {
    await withLock(join(tmpdir(), `form-router-package-${repositoryKey}.lock`), async () => {
      if (existsSync(directory)) {
        return;
      }
      await packageInto(directory);
      removeOtherCacheFolders(repositoryKey, directory);
    });
  }

  return readPackagedService(directory);
}

function hashPackagingInputs(): string {
  const hash = createHash('sha256').update(`stage=${STAGE}\n`);
  const files = PACKAGING_INPUTS.flatMap((input) => listFiles(input)).sort();

  for (const file of files) {
    hash.update(`${file}\n`).update(readFileSync(join(REPOSITORY_ROOT, file)));
  }
  return hash.digest('hex');
}

function listFiles(input: string): string[] {
  const absolute = join(REPOSITORY_ROOT, input);
  if (!existsSync(absolute)) {
    return [];
  }
  if (!statSync(absolute).isDirectory()) {
    return [input];
  }

  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(input, entry))
    .filter((file) => statSync(join(REPOSITORY_ROOT, file)).isFile());
}

/** Runs osls into a staging folder and renames it into place, so a folder at `directory` is always complete. */
async function packageInto(directory: string): Promise<void> {
  const staging = `${directory}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });

  try {
    await runServerlessPackage(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  renameSync(staging, directory);
}

/**
 * Runs the osls command line directly with Node rather than through `npx`, because npx queries the
 * npm registry for a newer npm version. osls 4.3 `package` makes no network calls of its own. The
 * AWS variables are replaced by dummy credentials and absent config files, so no real profile is
 * read and the AWS SDK never queries the EC2 instance metadata service.
 */
function runServerlessPackage(outputDirectory: string): Promise<void> {
  const home = join(tmpdir(), 'form-router-package-home');
  mkdirSync(home, { recursive: true });
  const serverlessBin = join(REPOSITORY_ROOT, 'node_modules', 'osls', 'bin', 'serverless.js');
  const args = [serverlessBin, 'package', '--stage', STAGE, '--package', outputDirectory];

  return new Promise((resolvePromise, rejectPromise) => {
    const child = spawn(process.execPath, args, {
      cwd: REPOSITORY_ROOT,
      env: packagingEnvironment(home),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: SERVERLESS_PACKAGE_TIMEOUT_MS,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', rejectPromise);
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolvePromise();
        return;
      }
      rejectPromise(new Error(`serverless package failed (exit code ${code}, signal ${signal}):\n${output}`));
    });
  });
}

function packagingEnvironment(home: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_'));

  return {
    ...Object.fromEntries(inherited),
    HOME: home,
    AWS_ACCESS_KEY_ID: 'packaging-only',
    AWS_SECRET_ACCESS_KEY: 'packaging-only',
    AWS_CONFIG_FILE: join(home, 'aws-config-absent'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials-absent'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

function readPackagedService(directory: string): PackagedService {
  const templateText = readFileSync(join(directory, 'cloudformation-template-update-stack.json'), 'utf8');
  const zipSizes = Object.fromEntries(
    readdirSync(directory)
      .filter((name) => name.endsWith('.zip'))
      .map((name) => [name, statSync(join(directory, name)).size]),
  );

  return { template: JSON.parse(templateText) as CloudFormationTemplate, zipSizes, directory };
}

/** Keeps only the newest packaging of this repository in the temporary folder. */
function removeOtherCacheFolders(repositoryKey: string, keep: string): void {
  const pattern = new RegExp(`^form-router-package-${repositoryKey}-[0-9a-f]{16}$`);

  for (const name of readdirSync(tmpdir())) {
    const folder = join(tmpdir(), name);
    if (pattern.test(name) && folder !== keep) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}

/**
 * Runs `work` while holding a lock file that contains this process id. Waits while another live
 * process holds it; takes over a lock whose process has exited. Throws after the packaging timeout.
 * NOTE: two waiters that find the same stale lock at once may both take it over and both package
 * the service. The cached output stays complete, because each renames a finished folder into place.
 */
async function withLock(lockPath: string, work: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + SERVERLESS_PACKAGE_TIMEOUT_MS;

  while (!tryLock(lockPath)) {
    if (isStale(lockPath)) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${SERVERLESS_PACKAGE_TIMEOUT_MS} ms waiting for ${lockPath}; delete it if no test run is packaging`);
    }
    await new Promise((wake) => setTimeout(wake, LOCK_POLL_MS));
  }

  try {
    await work();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function tryLock(lockPath: string): boolean {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
}

function isStale(lockPath: string): boolean {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) {
      return Date.now() - statSync(lockPath).mtimeMs > UNREADABLE_LOCK_STALE_MS;
    }
    process.kill(pid, 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ESRCH: the holder has exited. ENOENT: the lock was released between two calls.
    return code === 'ESRCH' || code === 'ENOENT';
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
