import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { Clock } from '../../common/clock';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock) {}

  /** Liveness plus a round trip to the database; 503 when the database does not answer. */
  @Get()
  async check(): Promise<{ status: 'ok'; database: 'ok'; time: string }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new HttpException({ status: 'error', database: 'unreachable' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', database: 'ok', time: this.clock.now().toISOString() };
  }
}
