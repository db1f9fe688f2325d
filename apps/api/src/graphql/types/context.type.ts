import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CHAMBERS, REFERENCE_KINDS, REFERENCE_SUBJECTS } from '@actiemonitor/domain';
import { DateScalar, DateTimeScalar } from '../scalars';

const toEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ReferenceKindEnum = toEnum(REFERENCE_KINDS);
registerEnumType(ReferenceKindEnum, {
  name: 'ReferenceKind',
  description: 'Soort kamerstuk: motie, Kamervragen, Kamerbrief, toezegging of overleg (zoals een wetgevingsoverleg).',
});
export const ChamberEnum = toEnum(CHAMBERS);
registerEnumType(ChamberEnum, { name: 'Chamber', description: 'Tweede of Eerste Kamer.' });
export const ReferenceSubjectEnum = toEnum(REFERENCE_SUBJECTS);
registerEnumType(ReferenceSubjectEnum, {
  name: 'ReferenceSubject',
  description: 'Waaraan een kamerstuk is gekoppeld: een plan of een actie.',
});

@ObjectType('ReferenceLink', { description: 'Een plan of actie dat op het kamerstuk antwoordt, met waar het plan dat zegt.' })
export class ReferenceLinkType {
  @Field(() => ReferenceSubjectEnum)
  subject!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar)
  linkedAt!: string;
}

@ObjectType('ParliamentaryReference', {
  description: 'Een kamerstuk waarop plannen en acties antwoorden: motie, Kamervragen, Kamerbrief, toezegging of overleg.',
})
export class ParliamentaryReferenceType {
  @Field(() => ID)
  id!: string;

  @Field(() => ReferenceKindEnum)
  kind!: string;

  @Field(() => ChamberEnum, { nullable: true })
  chamber!: string | null;

  @Field(() => String, { nullable: true, description: 'Kamerstuknummer van het dossier, bv. "34550 XVI".' })
  dossier!: string | null;

  @Field(() => String, { nullable: true, description: 'Volgnummer in het dossier ("89") of het nummer van Kamervragen ("2016Z20139").' })
  number!: string | null;

  @Field()
  title!: string;

  @Field(() => [String], { description: 'De Kamerleden die het stuk indienden of de vragen stelden.' })
  members!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Leeg als de bron geen datum noemt.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Hoe de bron de tijd noemt, letterlijk ("13 februari jl.", "2016-2017").' })
  dateText!: string | null;

  @Field({ description: 'Waar het kamerstuk genoemd wordt: document, plaats en citaat.' })
  source!: string;

  @Field(() => DateTimeScalar)
  registeredAt!: string;

  @Field(() => [ReferenceLinkType])
  links!: ReferenceLinkType[];
}

@ObjectType('ThemeLink', { description: 'Een actie die het thema dient.' })
export class ThemeLinkType {
  @Field(() => ID)
  actionId!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar)
  linkedAt!: string;
}

@ObjectType('Theme', { description: 'Een thema (opgave) van een plan; een actie kan meer thema’s dienen.' })
export class ThemeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { nullable: true, description: 'De actielijn waaronder het thema valt (bij de Koers: A, B of C).' })
  actionLineId!: string | null;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Waar het thema in het plan staat: document, plaats en citaat.' })
  source!: string | null;

  @Field(() => DateTimeScalar)
  definedAt!: string;
}

@ObjectType('ContextFigure', { description: 'Een contextcijfer: een waarde voor een periode (en eventueel een deel van het geheel).' })
export class ContextFigureType {
  @Field(() => String, { nullable: true, description: 'De periode zoals de bron die noemt ("2015", "december 2000").' })
  period!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'De laatste dag van die periode; leeg als de bron geen periode noemt.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Een deel van het geheel ("0 - 4 jaar"); leeg voor het geheel.' })
  category!: string | null;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true, description: 'Het citaat uit de bron.' })
  note!: string | null;

  @Field(() => DateTimeScalar)
  recordedAt!: string;
}

@ObjectType('ContextSeries', {
  description: 'Een reeks contextcijfers met bron en eenheid. Geen doel: er is geen streefwaarde en geen realisatie.',
})
export class ContextSeriesType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field()
  title!: string;

  @Field()
  unit!: string;

  @Field({ description: 'Wie de cijfers publiceert en waar het plan ze geeft.' })
  source!: string;

  @Field(() => ID, { nullable: true })
  actionLineId!: string | null;

  @Field(() => [ID], { description: 'De doelen waarbij de cijfers context geven.' })
  targetIds!: string[];

  @Field(() => [ID], { description: 'De acties waarbij de cijfers context geven.' })
  actionIds!: string[];

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar)
  definedAt!: string;

  @Field(() => [ContextFigureType])
  figures!: ContextFigureType[];
}
