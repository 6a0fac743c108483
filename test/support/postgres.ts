import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server every developer machine and CI has (see README). */
export const POSTGRES_URL = process.env.USM_LINK_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own for one test, so runs and tests never collide; `drop` removes it. */
export function postgresSchema(): { url: string; schema: string; drop: () => Promise<void> } {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return {
    schema,
    url: `${POSTGRES_URL}?schema=${schema}`,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
