import { QueryRunner, TableColumnOptions, TableForeignKey } from 'typeorm';

/**
 * Column shapes shared by every migration so SQLite and PostgreSQL get the same schema from the same
 * file. Dates use the driver's own date-time type (TypeORM maps `Date` to datetime / timestamp).
 */
export function columnHelpers(queryRunner: QueryRunner) {
  const dateType = queryRunner.connection.driver.normalizeType({ type: Date });
  return {
    id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
    ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
    text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
    short: (name: string, defaultValue?: string): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: '32',
      ...(defaultValue !== undefined ? { default: `'${defaultValue}'` } : {}),
    }),
    int: (name: string, defaultValue = 0): TableColumnOptions => ({ name, type: 'integer', default: defaultValue }),
    double: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: 'double precision',
      isNullable: nullable,
      ...(nullable ? {} : { default: 0 }),
    }),
    bool: (name: string, defaultValue: boolean): TableColumnOptions => ({ name, type: 'boolean', default: defaultValue ? 'true' : 'false' }),
    json: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
    date: (name: string, nullable = false): TableColumnOptions => ({ name, type: dateType, isNullable: nullable }),
  };
}

/** A foreign key from `column` to `table`(`referenced`); rows go with what they belong to unless told otherwise. */
export function foreignKey(column: string, table: string, onDelete = 'CASCADE', referenced = 'id'): TableForeignKey {
  return new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [referenced], onDelete });
}
