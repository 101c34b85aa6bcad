import { LocalizedTextInput, LocalizedTextType } from '@ashar/graphql';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';

@InputType()
export class SendProcessAnnouncementInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'errors.validation.uuid' })
  processId: string;

  @Field(() => LocalizedTextInput, { description: 'The message in each language it is written in (at most 3 SMS parts each); each person gets it in theirs' })
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  text: LocalizedTextInput;
}

@ObjectType('ProcessAnnouncement')
export class ProcessAnnouncementType {
  @Field(() => ID) id: string;
  @Field(() => LocalizedTextType) text: LocalizedTextType;
  @Field() createdAt: Date;
}

@ObjectType('MessageAudienceLanguage')
export class AudienceLanguageType {
  @Field({ description: 'ky, ru, kk or en: the recipients’ interface language' }) language: string;
  @Field(() => Int, { description: 'Of those who asked for SMS/email notices, how many get an SMS (a verified phone) in this language' }) sms: number;
  @Field(() => Int, { description: '… and how many an email instead' }) email: number;
}

@ObjectType('ProcessMessageAudience', { description: 'Who an announcement reaches, so the organiser sees the SMS cost before sending' })
export class MessageAudienceType {
  @Field(() => Int, { description: 'Participants who get it in the app (authors, supporters, voters, subscribers, and those who asked)' }) inApp: number;
  @Field(() => [AudienceLanguageType]) byLanguage: AudienceLanguageType[];
  @Field({ description: 'Configured price of one SMS part, minor units' }) pricePerPartMinor: string;
  @Field() currency: string;
  @Field(() => Int, { description: 'Most SMS parts an announcement may take in any language' }) maxParts: number;
}
