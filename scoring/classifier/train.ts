import { writeFileSync } from 'node:fs';
import { MODEL_FILE } from './flag-classifier.js';
import { trainModel } from './train-model.js';

// `npm run train`: retrain on test/labelled/train.jsonl; commit the model with its data.
const json = trainModel();
writeFileSync(MODEL_FILE, json);
process.stdout.write(`wrote ${MODEL_FILE} (${json.length} bytes)\n`);
