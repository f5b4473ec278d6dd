import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { DomainEvents } from './events/domain-events';

@Global()
@Module({ providers: [Clock, DomainEvents], exports: [Clock, DomainEvents] })
export class ClockModule {}
