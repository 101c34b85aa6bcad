/**
 * Group invitation links and join requests (issue 9) through GraphQL on the real PostgreSQL: the use
 * limit (also under parallel use), expiry, revocation, each use recorded; a non-member's request approved
 * or declined by an admin, audited.
 */
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { community, count, member, person, Person, platformAdmin } from '../../../../libs/budgets/src/__tests__/support';

const GROUP = `mutation($input: CreateGroupInvitationInput!) { createGroupInvitation(input: $input) { id token link role maxUses uses expiresAt } }`;
const ACCEPT = `mutation($t: String!) { acceptInvitation(token: $t) { role community { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id uses } }`;
const LINKS = `query($id: ID!) { community(id: $id) { groupInvitations { id uses maxUses } } }`;

describe('group invitations and join requests (real PostgreSQL)', () => {
  let api: RunningApi;
  let communityId: string;
  let admin: Person;
  beforeAll(async () => {
    api = await startApi({ label: 'groupinv', env: { SIGNUP_LIMITS: '1000/10000/10000/100000' } });
    const platform = await platformAdmin(api);
    communityId = await community(api, platform, '41707220840000', 'Топтук чакыруу');
    admin = await member(api, platform, communityId, 'COMMUNITY_ADMIN', 'Admin');
  });
  afterAll(() => api?.stop());

  const group = async (maxUses: number, expiresInDays = 7, role = 'CITIZEN') =>
    ok(await gql(api.baseUrl, GROUP, { input: { communityId, role, maxUses, expiresInDays } }, { token: admin.token })).createGroupInvitation;
  const accept = async (token: string, p: Person) => gql(api.baseUrl, ACCEPT, { t: token }, { token: p.token });

  it('lets up to maxUses people join, records each use, then refuses with CONFLICT errors.invitation.full', async () => {
    const inv = await group(3);
    expect(inv).toMatchObject({ role: 'CITIZEN', maxUses: 3, uses: 0 });
    expect(inv.link).toMatch(/\/invitations\/[\w-]{20,}$/);
    const people = await Promise.all(['A', 'B', 'C', 'D'].map((n) => person(api, `Group${n}`)));
    for (const p of people.slice(0, 3)) expect(ok(await accept(inv.token, p)).acceptInvitation).toMatchObject({ role: 'CITIZEN', community: { id: communityId } });
    const e = firstError(await accept(inv.token, people[3]));
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.invitation.full' });
    const uses = await api.dataSource.query(`SELECT account_id FROM invitation_uses WHERE invitation_id = $1 ORDER BY created_at`, [inv.id]);
    expect(uses.map((u: { account_id: string }) => u.account_id)).toEqual(people.slice(0, 3).map((p) => p.id));
    expect(await count(api, 'audit_events', `action = 'membership.create' AND after->>'invitationId' = '${inv.id}'`)).toBe(3);
    // Someone who already holds the role: CONFLICT alreadyMember, and the use is not counted.
    const again = await group(5);
    expect(firstError(await accept(again.token, people[0])).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.community.alreadyMember' });
    expect((await api.dataSource.query(`SELECT uses FROM invitations WHERE id = $1`, [again.id]))[0].uses).toBe(0);
  });

  it('previews a link for anyone holding it: community, role, places left, state', async () => {
    const PREVIEW = `query($t: String!) { invitation(token: $t) { role group state usesLeft community { id } } }`;
    const inv = await group(2);
    expect(ok(await gql(api.baseUrl, PREVIEW, { t: inv.token })).invitation).toEqual({ role: 'CITIZEN', group: true, state: 'VALID', usesLeft: 2, community: { id: communityId } });
    ok(await accept(inv.token, await person(api, 'P1')));
    ok(await accept(inv.token, await person(api, 'P2')));
    expect(ok(await gql(api.baseUrl, PREVIEW, { t: inv.token })).invitation).toMatchObject({ state: 'FULL', usesLeft: 0 });
    ok(await gql(api.baseUrl, REVOKE, { id: inv.id }, { token: admin.token }));
    expect(ok(await gql(api.baseUrl, PREVIEW, { t: inv.token })).invitation).toMatchObject({ state: 'REVOKED' });
    expect(ok(await gql(api.baseUrl, PREVIEW, { t: 'no-such-token-at-all-here' })).invitation).toBeNull();
  });

  it('holds the limit under parallel use', async () => {
    const inv = await group(3);
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(api, `Parallel${i}`)));
    const answers = await Promise.all(people.map((p) => accept(inv.token, p)));
    const joined = answers.filter((a) => !a.errors);
    expect(joined).toHaveLength(3);
    for (const a of answers.filter((x) => x.errors)) expect(firstError(a).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.invitation.full' });
    expect(await count(api, 'invitation_uses', `invitation_id = '${inv.id}'`)).toBe(3);
    expect((await api.dataSource.query(`SELECT uses FROM invitations WHERE id = $1`, [inv.id]))[0].uses).toBe(3);
  });

  it('refuses an expired link with FORBIDDEN errors.invitation.expired', async () => {
    const inv = await group(10);
    await api.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [inv.id]);
    expect(firstError(await accept(inv.token, await person(api, 'Late'))).extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.invitation.expired' });
  });

  it('revokes a link: listed no more, refused with FORBIDDEN errors.invitation.revoked, members stay', async () => {
    const inv = await group(10);
    const early = await person(api, 'Early');
    ok(await accept(inv.token, early));
    const listed = ok(await gql(api.baseUrl, LINKS, { id: communityId }, { token: admin.token })).community.groupInvitations;
    expect(listed.find((l: { id: string }) => l.id === inv.id)).toMatchObject({ uses: 1, maxUses: 10 });
    expect(ok(await gql(api.baseUrl, REVOKE, { id: inv.id }, { token: admin.token })).revokeInvitation).toMatchObject({ id: inv.id, uses: 1 });
    const after = ok(await gql(api.baseUrl, LINKS, { id: communityId }, { token: admin.token })).community.groupInvitations;
    expect(after.find((l: { id: string }) => l.id === inv.id)).toBeUndefined();
    expect(firstError(await accept(inv.token, await person(api, 'Revoked'))).extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.invitation.revoked' });
    expect(await count(api, 'memberships', `account_id = '${early.id}' AND community_id = '${communityId}'`)).toBe(1);
    expect(await count(api, 'audit_events', `action = 'invitation.revoke' AND entity_id = '${inv.id}'`)).toBe(1);
  });

  it('refuses group links for COMMUNITY_ADMIN and out-of-range limits with BAD_USER_INPUT; non-admins get FORBIDDEN', async () => {
    const r = await gql(api.baseUrl, GROUP, { input: { communityId, role: 'COMMUNITY_ADMIN', maxUses: 3, expiresInDays: 7 } }, { token: admin.token });
    expect(firstError(r).extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.invitation.groupRole' });
    const big = await gql(api.baseUrl, GROUP, { input: { communityId, role: 'CITIZEN', maxUses: 100000, expiresInDays: 7 } }, { token: admin.token });
    expect(firstError(big).extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.validation.range' });
    const outsider = await person(api, 'Outsider');
    const f = await gql(api.baseUrl, GROUP, { input: { communityId, role: 'CITIZEN', maxUses: 3, expiresInDays: 7 } }, { token: outsider.token });
    expect(firstError(f).extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a non-member asks to join; the admin sees it and approves (CITIZEN) or declines; audited', async () => {
    const REQUEST = `mutation($input: RequestMembershipInput!) { requestMembership(input: $input) { id status message } }`;
    const PENDING = `query($id: ID!) { community(id: $id) { membershipRequests { id member { displayName } message } } }`;
    const MINE = `query($id: ID!) { community(id: $id) { myRoles myMembershipRequest { status } } }`;
    const APPROVE = `mutation($id: ID!) { approveMembershipRequest(id: $id) { id status } }`;
    const DECLINE = `mutation($id: ID!) { declineMembershipRequest(id: $id) { id status } }`;
    const asker = await person(api, 'Asker');
    const req = ok(await gql(api.baseUrl, REQUEST, { input: { communityId, message: 'Мен айылданмын' } }, { token: asker.token })).requestMembership;
    expect(req).toMatchObject({ status: 'PENDING', message: 'Мен айылданмын' });
    expect(firstError(await gql(api.baseUrl, REQUEST, { input: { communityId } }, { token: asker.token })).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.membershipRequest.pending' });
    expect(ok(await gql(api.baseUrl, MINE, { id: communityId }, { token: asker.token })).community).toEqual({ myRoles: [], myMembershipRequest: { status: 'PENDING' } });
    const pending = ok(await gql(api.baseUrl, PENDING, { id: communityId }, { token: admin.token })).community.membershipRequests;
    expect(pending).toEqual([{ id: req.id, member: { displayName: 'Asker' }, message: 'Мен айылданмын' }]);
    expect(firstError(await gql(api.baseUrl, APPROVE, { id: req.id }, { token: asker.token })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(ok(await gql(api.baseUrl, APPROVE, { id: req.id }, { token: admin.token })).approveMembershipRequest.status).toBe('APPROVED');
    expect(ok(await gql(api.baseUrl, MINE, { id: communityId }, { token: asker.token })).community.myRoles).toEqual(['CITIZEN']);
    expect(firstError(await gql(api.baseUrl, DECLINE, { id: req.id }, { token: admin.token })).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.membershipRequest.decided' });
    expect(firstError(await gql(api.baseUrl, REQUEST, { input: { communityId } }, { token: asker.token })).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.community.alreadyMember' });
    expect(await count(api, 'audit_events', `entity_id = '${req.id}' AND action IN ('membershipRequest.create', 'membershipRequest.approve')`)).toBe(2);

    const other = await person(api, 'Declined');
    const r2 = ok(await gql(api.baseUrl, REQUEST, { input: { communityId } }, { token: other.token })).requestMembership;
    expect(ok(await gql(api.baseUrl, DECLINE, { id: r2.id }, { token: admin.token })).declineMembershipRequest.status).toBe('DECLINED');
    expect(await count(api, 'memberships', `account_id = '${other.id}'`)).toBe(0);
  });
});
