import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { latestRun, localDateString, nextRun } from './next-run.js';

/** The two daily tasks: a pipeline pass, and the day's lead lists. */
export const SCHEDULED_TASKS = ['crawl', 'leads'] as const;
export type ScheduledTask = (typeof SCHEDULED_TASKS)[number];

export interface DailySchedule {
  timeZone: string;
  /** HH:MM in `timeZone`. */
  crawlAt: string;
  leadsAt: string;
}

/** One run that is due: which task, the slot it is for, and that slot's local date. */
export interface DueRun {
  task: ScheduledTask;
  slot: Date;
  /** `YYYY-MM-DD` of the slot in the schedule's time zone: the lead lists' date. */
  date: string;
}

/** What the state file remembers of a task's last run. */
export interface TaskRecord {
  /** The slot (ISO instant) the run was for. */
  slot: string;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  exitCode?: number;
  error?: string;
}
export type ScheduleState = Partial<Record<ScheduledTask, TaskRecord>>;

export function taskTime(schedule: DailySchedule, task: ScheduledTask): string {
  return task === 'crawl' ? schedule.crawlAt : schedule.leadsAt;
}

/**
 * The runs due at `now`: each task whose latest slot (its last time at or before `now`) has not
 * been run yet, oldest slot first (a pass before lead lists of the same slot). Only the latest
 * slot of a task counts: a scheduler that was down for three days catches up once, not thrice.
 */
export function dueRuns(schedule: DailySchedule, state: ScheduleState, now: Date): DueRun[] {
  const due: DueRun[] = [];
  for (const task of SCHEDULED_TASKS) {
    const slot = latestRun(now, taskTime(schedule, task), schedule.timeZone);
    const last = state[task];
    if (last !== undefined && Date.parse(last.slot) >= slot.getTime()) continue;
    due.push({ task, slot, date: localDateString(slot, schedule.timeZone) });
  }
  return due.sort((a, b) => a.slot.getTime() - b.slot.getTime());
}

/** The next slot of any task strictly after `now`. */
export function nextWake(schedule: DailySchedule, now: Date): { task: ScheduledTask; at: Date } {
  const next = SCHEDULED_TASKS.map((task) => ({
    task,
    at: nextRun(now, taskTime(schedule, task), schedule.timeZone),
  }));
  return next.reduce((a, b) => (b.at.getTime() < a.at.getTime() ? b : a));
}

/** Where the schedule remembers what it ran: a small JSON file, replaced atomically. */
export class ScheduleStateFile {
  constructor(readonly file: string) {}

  read(): ScheduleState {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as ScheduleState;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return {};
      throw error;
    }
  }

  record(task: ScheduledTask, record: TaskRecord): void {
    const state = { ...this.read(), [task]: record };
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, this.file);
  }
}

/** What a task runner reports: an exit code in the CLI's terms (0 ok, 3 some input rejected…). */
export interface RunOutcome {
  exitCode: number;
}

export interface ScheduleLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SchedulerOptions {
  schedule: DailySchedule;
  state: ScheduleStateFile;
  run: (due: DueRun) => Promise<RunOutcome>;
  log: ScheduleLog;
  clock?: () => Date;
  /** Resolves after `millis` or as soon as `signal` aborts. */
  wait?: (millis: number, signal: AbortSignal) => Promise<void>;
  /** Longest sleep before looking at the clock again (a suspended machine, a clock change). */
  maxSleepMillis?: number;
}

export interface RunResult {
  due: DueRun;
  record: TaskRecord;
}

/**
 * Runs what is due now, one after the other, and records each in the state file once it
 * ends (a failed run too: it is not retried before its next slot). `signal` is looked at
 * between runs: a run in progress always finishes.
 */
export async function runDue(options: SchedulerOptions, signal?: AbortSignal): Promise<RunResult[]> {
  const clock = options.clock ?? (() => new Date());
  const results: RunResult[] = [];
  for (const due of dueRuns(options.schedule, options.state.read(), clock())) {
    if (signal?.aborted === true) break;
    const startedAt = clock();
    const fields = { task: due.task, slot: due.slot.toISOString(), date: due.date };
    options.log.info(fields, 'scheduled run started');
    let record: TaskRecord;
    try {
      const outcome = await options.run(due);
      record = {
        slot: due.slot.toISOString(),
        startedAt: startedAt.toISOString(),
        finishedAt: clock().toISOString(),
        ok: outcome.exitCode === 0 || outcome.exitCode === 3,
        exitCode: outcome.exitCode,
      };
    } catch (error) {
      record = {
        slot: due.slot.toISOString(),
        startedAt: startedAt.toISOString(),
        finishedAt: clock().toISOString(),
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    options.state.record(due.task, record);
    const seconds = (Date.parse(record.finishedAt) - startedAt.getTime()) / 1000;
    if (record.ok)
      options.log.info({ ...fields, exitCode: record.exitCode, seconds }, 'scheduled run finished');
    else
      options.log.error(
        { ...fields, exitCode: record.exitCode, error: record.error, seconds },
        'scheduled run failed',
      );
    results.push({ due, record });
  }
  return results;
}

/**
 * The long-running schedule: runs what is due, sleeps until the next slot, and again, until
 * `signal` aborts — between runs at once, during a run once it has finished.
 */
export async function runSchedule(options: SchedulerOptions, signal: AbortSignal): Promise<void> {
  const clock = options.clock ?? (() => new Date());
  const wait = options.wait ?? abortableWait;
  const maxSleep = options.maxSleepMillis ?? 60_000;
  let announced = '';
  // A function, not the property: the compiler cannot see that the signal aborts during a run.
  const stopped = () => signal.aborted;
  while (!stopped()) {
    await runDue(options, signal);
    if (stopped()) break;
    const now = clock();
    const next = nextWake(options.schedule, now);
    const key = `${next.task}@${next.at.toISOString()}`;
    if (key !== announced) {
      announced = key;
      options.log.info({ task: next.task, at: next.at.toISOString() }, 'next scheduled run');
    }
    await wait(Math.min(maxSleep, Math.max(0, next.at.getTime() - now.getTime())), signal);
  }
}

/** setTimeout that an AbortSignal cuts short. */
export function abortableWait(millis: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, millis);
    signal.addEventListener('abort', done, { once: true });
  });
}
