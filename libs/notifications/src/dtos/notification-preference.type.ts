import { Field, ObjectType } from '@nestjs/graphql';

/** One kind of notice and whether the signed-in person gets it. */
@ObjectType('NotificationPreference')
export class NotificationPreferenceType {
  @Field({ description: 'The kind, e.g. participation.phase' }) kind: string;
  @Field({ description: "The kind's name in the request's language" }) label: string;
  @Field({ description: 'False: opted out, nothing of this kind is sent on any channel' }) enabled: boolean;
}
