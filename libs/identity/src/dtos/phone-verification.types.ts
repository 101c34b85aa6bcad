import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PhoneVerificationSent')
export class PhoneVerificationSentType {
  @Field({ description: 'The number the code went to, in E.164' }) phone: string;
  @Field() expiresAt: Date;
  @Field(() => Int) attemptsAllowed: number;
}

@ObjectType('VerifiedPhone')
export class VerifiedPhoneType {
  @Field() phone: string;
  @Field() verifiedAt: Date;
}
