import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: 500 rows of a dozen columns stay well inside SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts many rows in a few multi-row statements, in the caller's transaction. A close writes
 * 10,000 results and as many notifications; TypeORM's insert builder spent more time on its
 * per-parameter bookkeeping than the database spent writing (about 340 ms against 120 ms for the
 * results), so the statement is built here while every value still goes through the driver's own
 * conversion (dates, JSON, transformers). Every column must be given: SQLite has no DEFAULT in VALUES.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns;
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES `;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const placeholders = columns.map((column) => {
        const value: unknown = column.getEntityValue(row);
        if (value === undefined) throw new Error(`insertRows: ${metadata.tableName}.${column.propertyName} is missing`);
        params.push(driver.preparePersistentValue(value, column));
        return driver.createParameter(`p${params.length}`, params.length - 1);
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(head + tuples.join(', '), params);
  }
}
