import { LocalizedTextType } from '@ashar/graphql';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CallDirection')
export class CallDirectionType {
  @Field() key: string;
  @Field(() => LocalizedTextType) name: LocalizedTextType;
}
