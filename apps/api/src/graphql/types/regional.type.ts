import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../scalars';
import { StatusCountType } from './partner-status.type';

@ObjectType('RegionalRollUp', {
  description: 'Hoe ver de regio’s een landelijke actie oppakten: in hoeveel regio’s, en hun uitvoeringen per status.',
})
export class RegionalRollUpType {
  @Field(() => Int, { description: 'Aantal regio’s met een eigen uitvoering van deze actie.' })
  regions!: number;

  @Field(() => Int)
  instances!: number;

  @Field(() => [StatusCountType], { description: 'Alleen statussen die voorkomen, in de volgorde van ActionStatus.' })
  byStatus!: StatusCountType[];
}

@ObjectType('RegionalStartfoto', {
  description: 'Waar een regio begon: de telling op een datum, met bron en eventueel het eigen eindpunt.',
})
export class RegionalStartfotoType {
  @Field(() => Float)
  value!: number;

  @Field(() => DateScalar)
  measuredAt!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => Float, { nullable: true, description: 'Het eindpunt dat de regio zelf koos; null als het landelijke doel geldt.' })
  goal!: number | null;

  @Field(() => DateTimeScalar)
  recordedAt!: string;
}

@ObjectType('RegionalMeasurement')
export class RegionalMeasurementType {
  @Field(() => ID)
  id!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => DateScalar)
  measuredAt!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => DateTimeScalar)
  recordedAt!: string;
}

@ObjectType('RegionalFigures', {
  description: 'De eigen cijfers van één regio bij een landelijk doel: startfoto, metingen en hoe ver ze is.',
})
export class RegionalFiguresType {
  @Field(() => ID)
  regionId!: string;

  @Field({ description: 'Waarin alle regio’s voor dit doel tellen, bv. "pleeggezinnen".' })
  unit!: string;

  @Field(() => RegionalStartfotoType)
  startfoto!: RegionalStartfotoType;

  @Field(() => [RegionalMeasurementType])
  measurements!: RegionalMeasurementType[];

  @Field(() => Float, {
    nullable: true,
    description: 'Het eindpunt: dat van de regio, of bij een procentuele toename (bv. 5%) dezelfde toename op de startfoto; anders null.',
  })
  goal!: number | null;

  @Field(() => Float, { nullable: true })
  latest!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '(laatste meting - startfoto) / (eindpunt - startfoto); null zonder meting of eindpunt.',
  })
  attainment!: number | null;
}

@ObjectType('RegionalTotal', {
  description: 'Het landelijke cijfer als som van de laatste metingen van de regio’s, altijd met welke regio’s wel en niet meetelden.',
})
export class RegionalTotalType {
  @Field()
  unit!: string;

  @Field(() => Float)
  total!: number;

  @Field(() => Float, { description: 'De startfoto’s van dezelfde regio’s opgeteld.' })
  startfotoTotal!: number;

  @Field(() => [ID], { description: 'Regio’s met minstens één meting.' })
  reporting!: string[];

  @Field(() => [ID], { description: 'Jeugdzorgregio’s zonder meting: de som telt ze niet mee.' })
  notReporting!: string[];
}
