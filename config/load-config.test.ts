import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ecomwatch-config-')), 'ecomwatch.config.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = loadConfig({ env: {}, file: configFile('') });
    expect(config.scoring.flagThreshold).toBe(50);
    expect(config.core.dataDir).toBe('./data');
    expect(config.core.redisUrl).toBeUndefined();
  });

  it('applies file, then env, then flags', () => {
    const file = configFile(
      'scoring:\n  flagThreshold: 60\n  classifierWeight: 5\ncore:\n  logLevel: warn\n',
    );
    const fromFile = loadConfig({ env: {}, file });
    expect(fromFile.scoring).toEqual({ flagThreshold: 60, classifierWeight: 5 });

    const env = { ECOMWATCH_FLAG_THRESHOLD: '70', REDIS_URL: 'redis://127.0.0.1:6379' };
    const fromEnv = loadConfig({ env, file });
    expect(fromEnv.scoring.flagThreshold).toBe(70);
    expect(fromEnv.core.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(fromEnv.core.logLevel).toBe('warn');

    const fromFlags = loadConfig({ env, file, flags: { scoring: { flagThreshold: 80 } } });
    expect(fromFlags.scoring.flagThreshold).toBe(80);
  });

  it('names every bad value and where it came from', () => {
    const file = configFile('scoring:\n  flagThreshold: 500\n');
    const error = catchError(() => loadConfig({ env: { ECOMWATCH_CLASSIFIER_WEIGHT: 'lots' }, file }));
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/scoring\.flagThreshold \(from file\)/);
    expect(problems[1]).toMatch(/scoring\.classifierWeight \(from env ECOMWATCH_CLASSIFIER_WEIGHT\)/);
  });

  it('rejects an unknown section and a file that is not YAML', () => {
    expect(() => loadConfig({ env: {}, file: configFile('scorng:\n  flagThreshold: 60\n') })).toThrow(
      /unknown section "scorng"/,
    );
    expect(() => loadConfig({ env: {}, file: configFile('scoring:\n  flagThresold: 60\n') })).toThrow(
      /unknown setting "scoring.flagThresold"/,
    );
    expect(() => loadConfig({ env: {}, file: configFile('scoring: [unclosed\n') })).toThrow(/not valid YAML/);
    expect(() => loadConfig({ env: {}, file: '/nonexistent/ecomwatch.yaml' })).toThrow(
      /cannot read config file/,
    );
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
