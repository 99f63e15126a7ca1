#!/usr/bin/env node
// The installed `ecomwatch` command. The code is TypeScript, loaded through tsx so that
// `npx ecomwatch` works right after `npm ci` with no build step to forget.
import { register } from 'tsx/esm/api';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
