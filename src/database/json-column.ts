import { Column, ColumnOptions } from 'typeorm';

/** JSON kept as text on both databases, so migrations and raw SQL stay identical. */
export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'simple-json', ...options });
}

export function DateColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: Date, ...options });
}

export function DoubleColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'double precision', default: 0, ...options });
}
