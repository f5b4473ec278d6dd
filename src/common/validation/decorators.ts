import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Max, Min, registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Length in Unicode code points, as PostgreSQL counts characters; validator.js's isLength discounts
 * variation selectors, so an emoji title could pass here and fail in the database.
 */
export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

// NUL is refused by PostgreSQL text columns; other C0 controls (but tab and newlines) are never meant.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function TextLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'textLength',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options, context: { min, max } },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = codePointLength(value);
          return length >= min && length <= max;
        },
        defaultMessage: () => `must be ${min}-${max} characters`,
      },
    });
}

function PlainText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'plainText',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !CONTROL_CHARACTERS.test(value),
        defaultMessage: () => 'must not contain control characters',
      },
    });
}

/** A string of `min`–`max` code points with no control characters. */
export function Text(min: number, max: number, each = false): PropertyDecorator {
  return applyDecorators(IsString({ each }), TextLength(min, max, { each }), PlainText({ each }));
}

/** One of a fixed set, with the allowed values in the message. */
export function OneOf(values: readonly string[]): PropertyDecorator {
  return applyDecorators(IsIn(values as string[], { context: { allowed: values.join(', ') } }));
}

export function IntRange(min: number, max: number): PropertyDecorator {
  return applyDecorators(IsInt(), Min(min, { context: { min } }), Max(max, { context: { max } }));
}

export function ListOf(max: number): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMaxSize(max, { context: { max } }));
}
