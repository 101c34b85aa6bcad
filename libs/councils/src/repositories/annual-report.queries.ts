import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReportSource } from '../domain/annual-report';

/**
 * What a body's annual report counts, read in a few statements, and only what the public may see: a
 * CLOSED meeting counts as held, but its decisions (and recommendations adopted by them) only once it
 * is published. A meeting belongs to the year of its start date in its own time zone.
 */
@Injectable()
export class AnnualReportQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async source(bodyId: string, year: number): Promise<ReportSource | null> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const [body] = await this.db.query(
      `SELECT b.id, b.name, b.kind, b.custom_label AS "customLabel", b.country, s.name AS "stateBodyName"
         FROM council_bodies b LEFT JOIN state_bodies s ON s.id = b.state_body_id WHERE b.id = $1`,
      [bodyId],
    );
    if (!body) return null;
    const visible = `(m.access = 'OPEN' OR m.published_at IS NOT NULL)`;
    const [memberships, meetings, decisions, recommendations, items] = await Promise.all([
      this.db.query(
        `SELECT ms.id, p.full_name AS "fullName", ms.role, ms.term_from::text AS "termFrom", ms.term_to::text AS "termTo", ms.end_reason AS "endReason"
           FROM council_memberships ms JOIN council_persons p ON p.id = ms.person_id
          WHERE ms.body_id = $1 AND ms.term_from <= $3::date AND (ms.term_to IS NULL OR ms.term_to >= $2::date)
          ORDER BY ms.term_from, p.full_name, ms.id`,
        [bodyId, from, to],
      ),
      this.db.query(
        `SELECT m.id, m.title, m.status, m.access, (m.starts_at AT TIME ZONE m.time_zone)::date::text AS "date",
                (SELECT count(*)::int FROM council_memberships ms WHERE ms.body_id = m.body_id
                    AND ms.term_from <= (m.starts_at AT TIME ZONE m.time_zone)::date
                    AND (ms.term_to IS NULL OR ms.term_to >= (m.starts_at AT TIME ZONE m.time_zone)::date)) AS "members",
                (SELECT count(*)::int FROM council_meeting_attendance a WHERE a.meeting_id = m.id) AS "registered",
                (SELECT count(*)::int FROM council_meeting_attendance a WHERE a.meeting_id = m.id AND a.present) AS "present",
                (SELECT coalesce(max(x.n), 0)::int FROM (SELECT count(*) AS n FROM council_votes v JOIN council_agenda_items i ON i.id = v.agenda_item_id
                    WHERE i.meeting_id = m.id AND v.choice <> 'ABSENT' GROUP BY i.id) x) AS "rollCallPresent"
           FROM council_meetings m
          WHERE m.body_id = $1 AND (m.starts_at AT TIME ZONE m.time_zone)::date BETWEEN $2::date AND $3::date
          ORDER BY m.starts_at, m.id`,
        [bodyId, from, to],
      ),
      this.db.query(
        `SELECT d.id, d.decided_on::text AS "decidedOn", d.text, d.outcome, d.votes_for AS "votesFor", d.votes_against AS "votesAgainst", d.abstentions, d.absent, i.title AS "itemTitle"
           FROM council_decisions d JOIN council_meetings m ON m.id = d.meeting_id JOIN council_agenda_items i ON i.id = d.agenda_item_id
          WHERE d.body_id = $1 AND d.decided_on BETWEEN $2::date AND $3::date AND ${visible}
          ORDER BY d.decided_on, i.position, d.id`,
        [bodyId, from, to],
      ),
      this.db.query(
        `SELECT r.id, r.addressee_id AS "addresseeId", s.name AS "addresseeName", r.status
           FROM council_recommendations r JOIN state_bodies s ON s.id = r.addressee_id
           LEFT JOIN council_decisions d ON d.id = r.decision_id LEFT JOIN council_meetings m ON m.id = d.meeting_id
          WHERE r.body_id = $1 AND r.sent_on BETWEEN $2::date AND $3::date AND (r.decision_id IS NULL OR ${visible})
          ORDER BY r.sent_on, r.id`,
        [bodyId, from, to],
      ),
      this.db.query(
        `SELECT p.id AS "planId", p.title AS "planTitle", i.id, i.status, i.deadline::text AS "deadline"
           FROM council_action_plans p LEFT JOIN council_action_items i ON i.plan_id = p.id
          WHERE p.body_id = $1 ORDER BY p.created_at, p.id, i.position`,
        [bodyId],
      ),
    ]);
    return { body, memberships, meetings, decisions, recommendations, items };
  }
}
