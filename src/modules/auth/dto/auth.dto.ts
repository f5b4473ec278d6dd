import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { OneOf, Text } from '../../../common/validation/decorators';
import { PublicUserResponse } from '../../users/user.response';

export class RegisterDto {
  @ApiProperty({ example: 'Bu Sari' }) @Text(1, 80) displayName!: string;
  @ApiPropertyOptional({ example: 'sari@example.id' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '081234567890' }) @IsOptional() @Text(6, 24) phone?: string;
  /** Long enough to resist guessing, short enough that hashing stays bounded. */
  @ApiProperty({ minLength: 8, maxLength: 128 }) @Text(8, 128) password!: string;
  @ApiPropertyOptional({ enum: ['id', 'en'] }) @IsOptional() @OneOf(['id', 'en']) locale?: 'id' | 'en';
}

export class LoginDto {
  @ApiProperty({ description: 'Email or phone number' }) @Text(3, 254) login!: string;
  @ApiProperty() @IsString() @MaxLength(128) password!: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MaxLength(256) refreshToken!: string;
}

export class AuthResponse {
  @ApiProperty() user!: PublicUserResponse;
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty() expiresIn!: number;
}
