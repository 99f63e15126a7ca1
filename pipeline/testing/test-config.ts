import { loadConfig, type Config } from '../../config/index.js';

/** Defaults only (no config file, no env), with the data dir and pipeline settings a test wants. */
export function testConfig(dataDir: string, pipeline: Partial<Config['pipeline']> = {}): Config {
  const config = loadConfig({ env: {}, file: '/dev/null', flags: { core: { dataDir } } });
  return { ...config, pipeline: { ...config.pipeline, ...pipeline } };
}
