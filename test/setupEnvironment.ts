/**
 * Environment shared by every test file. The AWS SDK warns once per process that its releases
 * after January 2027 need Node.js 22; the pinned SDK runs on Node.js 20, so the warning is noise here.
 * Structured logs start at WARN, so that the output shows test results and real warnings; a test
 * that reads log lines sets its own level.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
