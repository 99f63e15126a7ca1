import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './config-error.js';
import { parseEnvValue, type Setting } from './setting.js';
import { SETTINGS, type Config } from './settings.js';

export const DEFAULT_CONFIG_FILE = 'ecomwatch.config.yaml';

export interface LoadConfigOptions {
  /** A config file; when absent, ./ecomwatch.config.yaml is read if it exists. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Values from command-line flags, by section: `{ scoring: { flagThreshold: 60 } }`. */
  flags?: Record<string, Record<string, unknown>>;
}

/** Defaults, then the file, then env, then flags; every value checked against its schema. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const file = options.file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  const fromFile = file === undefined ? {} : readConfigFile(file);
  const result: Record<string, Record<string, unknown>> = {};
  const problems: string[] = [];

  for (const [sectionName, section] of Object.entries(SETTINGS)) {
    const fileSection = asRecord(fromFile[sectionName]);
    const flagSection = options.flags?.[sectionName] ?? {};
    const values: Record<string, unknown> = {};
    for (const [fieldName, declared] of Object.entries(section) as [string, Setting][]) {
      const { value, source } = pickValue(declared, fieldName, fileSection, flagSection, env);
      const parsed = declared.schema.safeParse(value);
      if (parsed.success) values[fieldName] = parsed.data;
      else problems.push(`${sectionName}.${fieldName} (from ${source}): ${z.prettifyError(parsed.error)}`);
    }
    for (const key of Object.keys(fileSection)) {
      if (!(key in section))
        problems.push(`${file ?? 'config file'}: unknown setting "${sectionName}.${key}"`);
    }
    result[sectionName] = values;
  }
  for (const key of Object.keys(fromFile)) {
    if (!(key in SETTINGS)) problems.push(`${file ?? 'config file'}: unknown section "${key}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as Config;
}

function pickValue(
  declared: Setting,
  fieldName: string,
  fileSection: Record<string, unknown>,
  flagSection: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): { value: unknown; source: string } {
  if (flagSection[fieldName] !== undefined) return { value: flagSection[fieldName], source: 'flag' };
  const envRaw = declared.env === undefined ? undefined : env[declared.env];
  if (declared.env !== undefined && envRaw !== undefined && envRaw !== '') {
    return { value: parseEnvValue(envRaw, declared.default), source: `env ${declared.env}` };
  }
  if (fileSection[fieldName] !== undefined) return { value: fileSection[fieldName], source: 'file' };
  return { value: declared.default, source: 'default' };
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`cannot read config file ${file}: ${(error as Error).message}`]);
  }
  try {
    return asRecord(parseYaml(text) ?? {});
  } catch (error) {
    throw new ConfigError([`config file ${file} is not valid YAML: ${(error as Error).message}`]);
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
