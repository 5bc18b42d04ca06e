import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '../config/env';
import { MailModule } from '../mail/mail.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';
import { PasswordResetController, UserPasswordResetController } from './password-reset.controller';
import { PasswordResetService } from './password-reset.service';
import { accessTokenKey } from './tokens';

@Module({
  imports: [
    PassportModule,
    OrganizationsModule,
    UsersModule,
    MailModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const key = accessTokenKey(config.jwtSecret);
        return { secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  controllers: [AuthController, PasswordResetController, UserPasswordResetController],
  providers: [AuthService, JwtStrategy, LoginThrottle, PasswordResetService],
})
export class AuthModule {}
