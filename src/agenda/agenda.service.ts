import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import type { Lang } from '../common/errors/i18n';
import { AgendaRepository } from './agenda.repository';
import { AgendaItemResponse, AgendaResponse } from './dto/agenda.response';

@Injectable()
export class AgendaService {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * What needs the caller now, read in one query inside their scope, overdue first, then by due
   * date: "today" is the Clock's, titles are in `lang`.
   */
  async forCaller(actor: Actor, lang: Lang): Promise<AgendaResponse> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const rows = await this.agenda.items(actor, today, now);
    return { today, total: rows[0]?.total ?? 0, items: rows.map((r) => AgendaItemResponse.from(r, lang, actor.role)) };
  }
}
