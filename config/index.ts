export { ConfigError } from './config-error.js';
export { DEFAULT_CONFIG_FILE, loadConfig, type LoadConfigOptions } from './load-config.js';
export { SETTINGS, type Config } from './settings.js';
