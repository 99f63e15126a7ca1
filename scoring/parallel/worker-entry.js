// Worker threads do not inherit the tsx loader the command was started with: register it
// here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./score-worker.ts');
