import { TransactionRunner } from '@ashar/database';
import { NotificationService } from '@ashar/notifications';
import { Injectable } from '@nestjs/common';
import { BodiesRepository } from '../repositories/bodies.repository';
import { RecommendationsRepository } from '../repositories/recommendations.repository';
import { today } from './body-access';

/**
 * The `councils.mark-overdue` job's work: recommendations still unanswered after their deadline turn
 * OVERDUE and the body's chair and secretary get an in-app message; unfinished action items past
 * theirs are flagged. Days are UTC days (a deadline is met through its whole day). Idempotent: a
 * second run on the same day changes and sends nothing.
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly recommendations: RecommendationsRepository,
    private readonly bodies: BodiesRepository,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
  ) {}

  async markOverdue(now: Date): Promise<{ recommendations: number; actionItems: number }> {
    const day = today(now);
    const result = await this.tx.run(async (tx) => {
      const overdue = await this.recommendations.markOverdue(tx, day, now);
      const officers = await this.bodies.officersOf([...new Set(overdue.map((r) => r.bodyId))], day, tx);
      for (const r of overdue) {
        for (const o of officers.filter((x) => x.bodyId === r.bodyId)) {
          await this.notifications.send(tx, {
            recipient: { accountId: o.accountId },
            channel: 'in_app',
            templateKey: 'councils.notifications.recommendationOverdue',
            params: { title: r.title, recommendationId: r.id },
            idempotencyKey: `councils.overdue.${r.id}.${o.accountId}`,
          });
        }
      }
      const actionItems = await this.recommendations.markItemsOverdue(tx, day, now);
      return { recommendations: overdue.length, actionItems };
    });
    return result;
  }
}
