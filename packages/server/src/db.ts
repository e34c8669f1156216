import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { usernameKey } from '@pforte/core/rules';

/** Something that runs SQL with positional parameters ($1, $2, …). */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * The server's one storage interface. Two implementations share the same SQL
 * and migrations: embedded PGlite (default) and PostgreSQL through `pg`.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Postgres error code of a unique violation. */
export const uniqueViolation = '23505';

/** Whether `error` is a Postgres unique violation (both drivers expose `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === uniqueViolation;
}

/**
 * Opens an embedded PGlite database: in memory without `dataDir`, else
 * persisted in that directory.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  const wrap = (target: { query: typeof db.query }): Queryable => ({
    async query<Row>(sql: string, params?: unknown[]) {
      return (await target.query<Row>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

/** Opens a PostgreSQL connection pool (`DATABASE_URL`). */
export async function openPostgres(connectionString: string, options: { max?: number } = {}): Promise<Database> {
  const { default: pg } = await import('pg');
  // bigint columns hold ms timestamps, which fit a double: read them as numbers.
  pg.types.setTypeParser(20, (value: string) => Number(value));
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  return {
    kind: 'postgres',
    async query<Row>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * Usernames are compared by the rules' `usernameKey` (the TR 39 skeleton of
 * the folded name) instead of the lower-cased NFC name: every stored key is
 * computed anew, which SQL cannot do. Accounts that the new key finds to be
 * look-alikes of an older one keep their names and can still sign in; the
 * oldest holds the key, the others get it followed by a space and their id
 * (a space no username holds), so no new account can take any of the names.
 */
async function rekeyUsernames(tx: Queryable): Promise<void> {
  await tx.query('ALTER TABLE accounts DROP CONSTRAINT accounts_username_key_key');
  const accounts = await tx.query<{ id: string; username: string }>('SELECT id, username FROM accounts ORDER BY created_at, id');
  const holders = new Set<string>();
  for (const { id, username } of accounts) {
    const key = await usernameKey(username);
    await tx.query('UPDATE accounts SET username_key = $2 WHERE id = $1', [id, holders.has(key) ? `${key} ${id}` : key]);
    holders.add(key);
  }
  await tx.query('ALTER TABLE accounts ADD CONSTRAINT accounts_username_key_key UNIQUE (username_key)');
  const flows = await tx.query<{ id: string; username: string }>(
    "SELECT id, view->>'username' AS username FROM flows WHERE username_key IS NOT NULL AND completed_at IS NULL",
  );
  for (const { id, username } of flows) await tx.query('UPDATE flows SET username_key = $2 WHERE id = $1', [id, await usernameKey(username)]);
}

/** Migrations that need the rules' code, applied in name order among the SQL files. */
const codeMigrations: Record<string, (tx: Queryable) => Promise<void>> = {
  '004_username_skeleton_keys': rekeyUsernames,
};

/**
 * Applies the SQL files of migrations/ and the {@link codeMigrations} in name
 * order, each once, recorded in schema_migrations. An advisory lock keeps two
 * servers starting at once from applying the same migration twice.
 */
export async function migrate(db: Database): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql'));
  const versions = [...files, ...Object.keys(codeMigrations)].sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7012026)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    const applied: string[] = [];
    for (const version of versions) {
      if (done.has(version)) continue;
      const code = codeMigrations[version];
      if (code) await code(tx);
      else {
        const sql = await readFile(`${migrationsDir}${version}`, 'utf8');
        // Statements are split on `;` at a line end; the migrations keep to that.
        for (const statement of sql.split(/;\s*$/m).map((part) => part.trim()).filter((part) => !/^(--[^\n]*\n?\s*)*$/.test(part))) {
          await tx.query(statement);
        }
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    }
    return applied;
  });
}
