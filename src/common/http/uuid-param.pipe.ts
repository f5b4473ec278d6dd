import { Injectable, PipeTransform, ArgumentMetadata } from '@nestjs/common';
import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';
import { isUuid } from '../ids';

/** Route ids are UUIDs; anything else is a 400 naming the parameter, never a lookup. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !isUuid(value)) {
      throw new DomainError(CommonErrors.ID_INVALID, { field: metadata.data ?? 'id' });
    }
    return value.toLowerCase();
  }
}
