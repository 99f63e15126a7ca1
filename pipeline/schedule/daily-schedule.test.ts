import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dueRuns,
  nextWake,
  runDue,
  runSchedule,
  ScheduleStateFile,
  type DailySchedule,
  type DueRun,
  type ScheduleLog,
  type SchedulerOptions,
} from './daily-schedule.js';

const SCHEDULE: DailySchedule = { timeZone: 'Asia/Ho_Chi_Minh', crawlAt: '02:00', leadsAt: '06:00' };
const quiet: ScheduleLog = { info: () => undefined, error: () => undefined };

describe('dueRuns', () => {
  it('with nothing run yet: each task for its latest slot, oldest first', () => {
    // 03:00 on 11 March in Hanoi: today's 02:00 pass, and yesterday's 06:00 lead lists.
    const due = dueRuns(SCHEDULE, {}, new Date('2026-03-10T20:00:00Z'));
    expect(due.map((run) => [run.task, run.slot.toISOString(), run.date])).toEqual([
      ['leads', '2026-03-09T23:00:00.000Z', '2026-03-10'],
      ['crawl', '2026-03-10T19:00:00.000Z', '2026-03-11'],
    ]);
  });

  it('skips a slot already run, and sees the next one once it comes', () => {
    const state = {
      crawl: { slot: '2026-03-10T19:00:00.000Z', startedAt: '', finishedAt: '', ok: true },
      leads: { slot: '2026-03-09T23:00:00.000Z', startedAt: '', finishedAt: '', ok: false },
    };
    expect(dueRuns(SCHEDULE, state, new Date('2026-03-10T22:59:59Z'))).toEqual([]);
    expect(dueRuns(SCHEDULE, state, new Date('2026-03-10T23:00:00Z')).map((run) => run.date)).toEqual([
      '2026-03-11',
    ]);
    // Three days down: one catch-up per task, not three.
    expect(
      dueRuns(SCHEDULE, state, new Date('2026-03-14T00:00:00Z')).map((run) => [run.task, run.date]),
    ).toEqual([
      ['crawl', '2026-03-14'],
      ['leads', '2026-03-14'],
    ]);
  });

  it('a pass and the lead lists at the same time: the pass first', () => {
    const same = { ...SCHEDULE, leadsAt: '02:00' };
    expect(dueRuns(same, {}, new Date('2026-03-10T19:00:00Z')).map((run) => run.task)).toEqual([
      'crawl',
      'leads',
    ]);
  });

  it('nextWake is the earliest slot of either task', () => {
    expect(nextWake(SCHEDULE, new Date('2026-03-10T20:00:00Z'))).toEqual({
      task: 'leads',
      at: new Date('2026-03-10T23:00:00Z'),
    });
    expect(nextWake(SCHEDULE, new Date('2026-03-10T23:00:00Z'))).toEqual({
      task: 'crawl',
      at: new Date('2026-03-11T19:00:00Z'),
    });
  });
});

describe('the embedded scheduler on a pretend clock', () => {
  let dir: string;
  let now: number;
  let state: ScheduleStateFile;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecomwatch-schedule-'));
    state = new ScheduleStateFile(join(dir, 'state.json'));
    now = Date.parse('2026-03-10T20:00:00Z');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A clock that moves only when the scheduler waits, or a run takes time. */
  function options(run: SchedulerOptions['run']): SchedulerOptions {
    return {
      schedule: SCHEDULE,
      state,
      run,
      log: quiet,
      clock: () => new Date(now),
      wait: (millis) => {
        now += millis;
        return Promise.resolve();
      },
    };
  }

  it('runs each task at its time, day after day, and stops after the run in progress', async () => {
    const controller = new AbortController();
    const runs: string[] = [];
    await runSchedule(
      options((due: DueRun) => {
        runs.push(`${due.task} ${due.date} at ${new Date(now).toISOString()}`);
        now += 20 * 60_000; // a run takes 20 minutes
        if (runs.length === 5) controller.abort(); // SIGTERM during the fifth run
        return Promise.resolve({ exitCode: 0 });
      }),
      controller.signal,
    );
    expect(runs).toEqual([
      'leads 2026-03-10 at 2026-03-10T20:00:00.000Z',
      'crawl 2026-03-11 at 2026-03-10T20:20:00.000Z',
      'leads 2026-03-11 at 2026-03-10T23:00:00.000Z',
      'crawl 2026-03-12 at 2026-03-11T19:00:00.000Z',
      'leads 2026-03-12 at 2026-03-11T23:00:00.000Z',
    ]);
    // The fifth run finished and was recorded before the loop stopped.
    const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as Record<
      string,
      { slot: string; ok: boolean }
    >;
    expect(saved.leads).toMatchObject({ slot: '2026-03-11T23:00:00.000Z', ok: true });
    expect(saved.crawl).toMatchObject({ slot: '2026-03-11T19:00:00.000Z', ok: true });
  });

  it('stops at once when aborted while waiting, without running anything more', async () => {
    state.record('crawl', { slot: '2026-03-10T19:00:00.000Z', startedAt: '', finishedAt: '', ok: true });
    state.record('leads', { slot: '2026-03-09T23:00:00.000Z', startedAt: '', finishedAt: '', ok: true });
    const controller = new AbortController();
    let runs = 0;
    let waits = 0;
    await runSchedule(
      {
        ...options(() => {
          runs++;
          return Promise.resolve({ exitCode: 0 });
        }),
        wait: (_millis, signal) => {
          waits++;
          controller.abort();
          expect(signal.aborted).toBe(true);
          return Promise.resolve();
        },
      },
      controller.signal,
    );
    expect(runs).toBe(0);
    expect(waits).toBe(1);
  });

  it('records a failed run and does not retry it before its next slot', async () => {
    const logged: string[] = [];
    const failing = {
      ...options(() => Promise.reject(new Error('index locked'))),
      log: { info: () => undefined, error: (_fields: object, message: string) => logged.push(message) },
    };
    const first = await runDue(failing);
    expect(first.map(({ due, record }) => [due.task, record.ok, record.error])).toEqual([
      ['leads', false, 'index locked'],
      ['crawl', false, 'index locked'],
    ]);
    expect(logged).toEqual(['scheduled run failed', 'scheduled run failed']);
    expect(await runDue(failing)).toEqual([]);
  });
});
