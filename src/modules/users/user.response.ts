import { ApiProperty } from '@nestjs/swagger';
import { User } from './user.entity';

/** What others may see of a user: never an email or phone. */
export class PublicUserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String] }) roles!: string[];

  static from(user: User): PublicUserResponse {
    return { id: user.id, displayName: user.displayName, roles: user.roles };
  }
}

/** What the user sees of themself. */
export class MeResponse extends PublicUserResponse {
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty() locale!: string;
  @ApiProperty() createdAt!: string;

  static fromSelf(user: User): MeResponse {
    return { ...PublicUserResponse.from(user), email: user.email, phone: user.phone, locale: user.locale, createdAt: user.createdAt.toISOString() };
  }
}
