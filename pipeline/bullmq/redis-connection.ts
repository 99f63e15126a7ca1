import { Redis, type RedisOptions } from 'ioredis';

/** BullMQ needs `maxRetriesPerRequest: null` on its connections (blocking commands). */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...options });
}

/**
 * Connections for optimistic transactions (WATCH … MULTI … EXEC): a WATCH belongs to a
 * connection, so each concurrent transaction takes a connection of its own and gives it back.
 */
export class ConnectionPool {
  private readonly free: Redis[] = [];
  private readonly all: Redis[] = [];

  constructor(private readonly base: Redis) {}

  async use<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
    let redis = this.free.pop();
    if (redis === undefined) {
      redis = this.base.duplicate();
      this.all.push(redis);
    }
    try {
      return await work(redis);
    } finally {
      this.free.push(redis);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((redis) => redis.quit().catch(() => undefined)));
    this.all.length = 0;
    this.free.length = 0;
  }
}
