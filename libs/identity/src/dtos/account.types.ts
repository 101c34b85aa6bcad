import { Role } from '@ashar/auth';
import { Lang } from '@ashar/graphql';
import { IsSafeText } from '@ashar/kernel';
import { Country } from '@ashar/territory/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export enum GenderEnum {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
}
registerEnumType(GenderEnum, { name: 'Gender' });

export const PASSWORD_MIN = 10;
const THIS_YEAR = new Date().getUTCFullYear();
const ctx = (messageKey: string, params: Record<string, unknown> = {}) => ({ context: { messageKey, params } });
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

@ObjectType('ResidentProfile')
export class ResidentProfileType {
  villageUnitId: string | null;
  @Field(() => Int, { nullable: true }) birthYear: number | null;
  @Field(() => GenderEnum, { nullable: true }) gender: GenderEnum | null;
}

@ObjectType('Account')
export class AccountType {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field() displayName: string;
  @Field(() => Lang) locale: Lang;
  @Field() platformAdmin: boolean;
  @Field() kind: string;
}

@ObjectType('MemberSummary')
export class MemberSummaryType {
  @Field(() => ID) id: string;
  @Field() displayName: string;
}

@ObjectType('Membership')
export class MembershipType {
  @Field(() => ID) id: string;
  @Field(() => Role) role: Role;
  communityId: string;
  accountId: string;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field() accessToken: string;
  @Field() expiresAt: string;
  @Field({ description: 'Also set as an httpOnly cookie; returned for clients without cookies' }) refreshToken: string;
  @Field(() => AccountType) account: AccountType;
}

@ObjectType('Invitation')
export class InvitationType {
  @Field(() => ID) id: string;
  @Field(() => Role) role: Role;
  @Field() expiresAt: string;
  @Field(() => String, { nullable: true, description: 'Only in the createInvitation answer; never stored in clear' }) token?: string | null;
  @Field(() => String, { nullable: true }) link?: string | null;
}

@InputType()
export class ResidentProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{9}$|^\d{14}$/, ctx('errors.validation.unknownTerritory'))
  villageCode?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900, ctx('errors.validation.birthYear', { min: 1900, max: THIS_YEAR }))
  @Max(THIS_YEAR, ctx('errors.validation.birthYear', { min: 1900, max: THIS_YEAR }))
  birthYear?: number | null;

  @Field(() => GenderEnum, { nullable: true })
  @IsOptional()
  @IsEnum(GenderEnum)
  gender?: GenderEnum | null;
}

/** Sign-up may carry the optional resident profile (village, year of birth, gender). */
@InputType()
export class SignUpInput extends ResidentProfileInput {
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @ValidateIf((o: SignUpInput) => !o.phone || o.email != null)
  @IsEmail({}, ctx('errors.validation.email'))
  @MaxLength(254, ctx('errors.validation.tooLong', { max: 254 }))
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'As people write it ("0700 123 456", "8 701 123 4567", "+996…"); stored in E.164 for phoneCountry' })
  @Transform(trim)
  @ValidateIf((o: SignUpInput) => o.phone != null)
  @IsString(ctx('errors.phone.notAPhone', { example: '0700 123 456' }))
  @MaxLength(40, ctx('errors.validation.tooLong', { max: 40 }))
  phone?: string | null;

  @Field(() => Country, { nullable: true, description: 'Country a phone number written the local way belongs to (default KG); see libs/identity/README.md' })
  @IsOptional()
  @IsEnum(Country)
  phoneCountry?: Country | null;

  @Field()
  @IsString()
  @MinLength(PASSWORD_MIN, ctx('errors.validation.passwordTooShort', { min: PASSWORD_MIN }))
  @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  password: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(100, ctx('errors.validation.tooLong', { max: 100 }))
  @IsSafeText()
  displayName: string;

  @Field(() => Lang, { nullable: true })
  @IsOptional()
  @IsEnum(Lang)
  locale?: Lang | null;
}

@InputType()
export class LogInInput {
  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(3, ctx('errors.validation.emailOrPhone'))
  @MaxLength(254, ctx('errors.validation.tooLong', { max: 254 }))
  @IsSafeText()
  login: string;

  @Field()
  @IsString()
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  password: string;

  @Field(() => Country, { nullable: true, description: 'Country a phone number written the local way belongs to (default KG)' })
  @IsOptional()
  @IsEnum(Country)
  phoneCountry?: Country | null;
}

@InputType()
export class CreateInvitationInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => String, { nullable: true, description: 'Email or phone to send the link to (optional)' })
  @IsOptional()
  @IsString()
  @MaxLength(254, ctx('errors.validation.tooLong', { max: 254 }))
  @IsSafeText()
  recipient?: string | null;
}

@InputType()
export class RegisterAssistedResidentInput extends ResidentProfileInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(100, ctx('errors.validation.tooLong', { max: 100 }))
  @IsSafeText()
  displayName: string;

  @Field({ description: 'Why the resident is entered by a member (e.g. "paper form at village meeting")' })
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(3, ctx('errors.validation.required'))
  @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 }))
  @IsSafeText()
  reason: string;
}

export const GROUP_INVITATION_MAX_USES = 500;
export const GROUP_INVITATION_MAX_DAYS = 90;

/** A link many people can join through: up to `maxUses` of them, for `expiresInDays` days. */
@InputType()
export class CreateGroupInvitationInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => Role, { description: 'Not COMMUNITY_ADMIN: admins are invited one by one' })
  @IsEnum(Role)
  role: Role;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.range', { min: 1, max: GROUP_INVITATION_MAX_USES }))
  @Max(GROUP_INVITATION_MAX_USES, ctx('errors.validation.range', { min: 1, max: GROUP_INVITATION_MAX_USES }))
  maxUses: number;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.range', { min: 1, max: GROUP_INVITATION_MAX_DAYS }))
  @Max(GROUP_INVITATION_MAX_DAYS, ctx('errors.validation.range', { min: 1, max: GROUP_INVITATION_MAX_DAYS }))
  expiresInDays: number;
}

@ObjectType('GroupInvitation')
export class GroupInvitationType {
  @Field(() => ID) id: string;
  @Field(() => Role) role: Role;
  @Field(() => Int) maxUses: number;
  @Field(() => Int) uses: number;
  @Field() expiresAt: string;
  @Field() createdAt: string;
  @Field(() => String, { nullable: true, description: 'Only in the createGroupInvitation answer; never stored in clear' }) token?: string | null;
  @Field(() => String, { nullable: true, description: 'Only in the createGroupInvitation answer' }) link?: string | null;
}

export enum MembershipRequestStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}
registerEnumType(MembershipRequestStatusEnum, { name: 'MembershipRequestStatus' });

@ObjectType('MembershipRequest')
export class MembershipRequestType {
  @Field(() => ID) id: string;
  @Field(() => MembershipRequestStatusEnum) status: MembershipRequestStatusEnum;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field() createdAt: Date;
  accountId: string;
  communityId: string;
}

@InputType()
export class RequestMembershipInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => String, { nullable: true, description: 'A few words to the admins (optional)' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 }))
  @IsSafeText()
  message?: string | null;
}

export enum InvitationStateEnum {
  VALID = 'VALID',
  USED = 'USED',
  FULL = 'FULL',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStateEnum, { name: 'InvitationState' });

/** What an invitation link leads to, for the page it opens (the token is the capability). */
@ObjectType('InvitationPreview')
export class InvitationPreviewType {
  @Field(() => Role) role: Role;
  @Field() group: boolean;
  @Field(() => InvitationStateEnum) state: InvitationStateEnum;
  @Field(() => Int, { nullable: true, description: 'Group links: how many may still join' }) usesLeft: number | null;
  @Field() expiresAt: string;
  communityId: string;
}
