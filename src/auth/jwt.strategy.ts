import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../config/env';
import { PreparedStatements } from '../database/prepared-statements';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, AccessTokenPayload, accessTokenKey } from './tokens';

interface ActorRow {
  user_id: string;
  organization_id: string;
  organization_type: Actor['organizationType'];
  role: Actor['role'];
  disabled_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date;
}

/**
 * Checks the access token's signature, algorithm and expiry, then asks the database whether the
 * user is still enabled and the session still open, so logout and disabling take effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly statements: PreparedStatements,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key to jsonwebtoken, which takes a KeyObject (its types say string | Buffer).
      secretOrKey: accessTokenKey(config.jwtSecret) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Omit<Actor, 'requestId'>> {
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new AppError('unauthenticated');
    const rows = await this.statements.rows<ActorRow>(
      `SELECT u.id AS user_id, u.organization_id, o.type AS organization_type, u.role, u.disabled_at,
              s.revoked_at, s.expires_at
         FROM users u
         JOIN organizations o ON o.id = u.organization_id
         JOIN auth_sessions s ON s.id = $2 AND s.user_id = u.id
        WHERE u.id = $1`,
      [payload.sub, payload.sid],
    );
    const row = rows[0];
    if (!row || row.disabled_at !== null || row.revoked_at !== null || row.expires_at <= new Date()) {
      throw new AppError('session_ended');
    }
    return {
      userId: row.user_id,
      organizationId: row.organization_id,
      organizationType: row.organization_type,
      role: row.role,
      sessionId: payload.sid,
    };
  }
}
