export type ActionItemStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

/** An action item is overdue when its deadline has passed and it is neither done nor cancelled. */
export function actionItemOverdue(status: ActionItemStatus, deadline: string, today: string): boolean {
  return (status === 'PLANNED' || status === 'IN_PROGRESS') && deadline < today;
}
