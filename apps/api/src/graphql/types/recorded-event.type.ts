import { DateTimeScalar } from '../scalars';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../scalars';
import type { RecordedEvent } from '@actiemonitor/event-store';
import { RoleEnum } from './enums';

@ObjectType('Actor', { description: 'Wie een gebeurtenis veroorzaakte: een token, of "system" voor imports.' })
export class ActorType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  partnerId!: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role!: string | null;
}

@ObjectType('RecordedEvent')
export class RecordedEventType {
  @Field({ description: 'Globale positie in het logboek, als decimale tekst (64-bit veilig).' })
  position!: string;

  @Field(() => ID)
  streamId!: string;

  @Field(() => Int, { description: '1 voor de eerste gebeurtenis van een stroom.' })
  version!: number;

  @Field()
  type!: string;

  @Field(() => Int)
  schemaVersion!: number;

  @Field(() => DateTimeScalar)
  recordedAt!: string;

  @Field(() => ActorType)
  actor!: ActorType;

  @Field(() => ID)
  commandId!: string;

  @Field(() => ID)
  correlationId!: string;

  @Field(() => JSONScalar)
  data!: unknown;

  @Field({ description: 'sha256 over deze gebeurtenis en de hash van de vorige (keten).' })
  hash!: string;
}

@ObjectType('EventPage')
export class EventPageType {
  @Field(() => [RecordedEventType])
  events!: RecordedEventType[];

  @Field(() => String, { nullable: true, description: 'Geef mee als `after` voor de volgende pagina; null aan het eind.' })
  nextAfter!: string | null;
}

/** A stored event as the API shows it: positions as decimal text, the system actor without a role. */
export function toRecordedEventType(e: RecordedEvent): RecordedEventType {
  return {
    position: e.position.toString(),
    streamId: e.streamId,
    version: e.version,
    type: e.type,
    schemaVersion: e.schemaVersion,
    recordedAt: e.metadata.recordedAt,
    actor: {
      id: e.metadata.actor.id,
      partnerId: e.metadata.actor.partnerId,
      role: e.metadata.actor.role === 'SYSTEM' ? null : e.metadata.actor.role,
    },
    commandId: e.metadata.commandId,
    correlationId: e.metadata.correlationId,
    data: e.data,
    hash: e.hash,
  };
}
