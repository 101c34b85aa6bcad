import { canMove, isOverdue, RecommendationStatus, trackerCounts } from './recommendation-flow';
import { actionItemOverdue } from './action-items';
import { isCurrentOn, overlaps } from './membership';
import { searchQuery, searchText } from './search-text';

describe('recommendation follow-up', () => {
  it('moves forward only', () => {
    expect(canMove('SENT', 'ANSWERED')).toBe(true);
    expect(canMove('OVERDUE', 'ANSWERED')).toBe(true);
    expect(canMove('ANSWERED', 'PARTLY_ACCEPTED')).toBe(true);
    expect(canMove('PARTLY_ACCEPTED', 'IMPLEMENTED')).toBe(true);
    expect(canMove('SENT', 'ACCEPTED')).toBe(false);
    expect(canMove('REJECTED', 'IMPLEMENTED')).toBe(false);
    expect(canMove('IMPLEMENTED', 'SENT')).toBe(false);
    expect(canMove('ANSWERED', 'OVERDUE')).toBe(false);
  });
  it('is overdue the day after its deadline, unanswered', () => {
    expect(isOverdue('SENT', '2027-03-01', '2027-03-01')).toBe(false);
    expect(isOverdue('SENT', '2027-03-01', '2027-03-02')).toBe(true);
    expect(isOverdue('ANSWERED', '2027-03-01', '2027-05-02')).toBe(false);
  });
  it('counts per addressee', () => {
    const s: RecommendationStatus[] = ['SENT', 'OVERDUE', 'OVERDUE', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED', 'IMPLEMENTED', 'ANSWERED'];
    expect(trackerCounts(s)).toEqual({ total: 8, accepted: 1, partlyAccepted: 1, rejected: 1, implemented: 1, ignored: 3, overdue: 2, answered: 1 });
  });
});

it('action items are overdue past the deadline unless done or cancelled', () => {
  expect(actionItemOverdue('PLANNED', '2027-01-01', '2027-01-02')).toBe(true);
  expect(actionItemOverdue('IN_PROGRESS', '2027-01-01', '2027-01-01')).toBe(false);
  expect(actionItemOverdue('DONE', '2027-01-01', '2027-06-01')).toBe(false);
  expect(actionItemOverdue('CANCELLED', '2027-01-01', '2027-06-01')).toBe(false);
});

it('terms include both ends; open terms never end', () => {
  expect(isCurrentOn({ termFrom: '2026-01-01', termTo: '2026-12-31' }, '2026-12-31')).toBe(true);
  expect(isCurrentOn({ termFrom: '2026-01-01', termTo: '2026-12-31' }, '2027-01-01')).toBe(false);
  expect(isCurrentOn({ termFrom: '2026-01-01', termTo: null }, '2030-01-01')).toBe(true);
  expect(overlaps({ termFrom: '2026-01-01', termTo: '2026-06-30' }, { termFrom: '2026-06-30', termTo: null })).toBe(true);
  expect(overlaps({ termFrom: '2026-01-01', termTo: '2026-06-30' }, { termFrom: '2026-07-01', termTo: null })).toBe(false);
});

it('search text folds Kyrgyz and Kazakh letters and case; the query the same way', () => {
  expect(searchText('Өкмөткө СУНУШ', 'Жолдун оңдолушу')).toBe('окмотко сунуш жолдун ондолушу');
  expect(searchText('Қоғамдық кеңес', 'ұсыныс', 'Һ', 'білім', 'Ёлка')).toBe('когамдык кенес усыныс х билим елка');
  expect(searchQuery('Өкмөткө  сунуш!')).toBe('окмотко & сунуш:*');
  expect(searchQuery(' ,; ')).toBe('');
});
