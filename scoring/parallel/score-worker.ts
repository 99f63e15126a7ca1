import { parentPort, workerData } from 'node:worker_threads';
import { Scorer, type ScorerOptions } from '../scorer.js';
import { scoreLines, type NumberedLine } from './score-lines.js';

/** A worker thread of ScorePool: builds its own Scorer once, then scores batches. */
const scorer = Scorer.create(workerData as ScorerOptions);
const port = parentPort!;
port.on('message', (lines: NumberedLine[]) => {
  port.postMessage(scoreLines(scorer, lines));
});
// The first message says the scorer is built, and which ruleset it runs.
port.postMessage({ ruleset: scorer.ruleset });
