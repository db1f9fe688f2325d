import { registerEnumType } from '@nestjs/graphql';
import { ACTION_LEVELS, ACTION_STATUSES, INVOLVEMENT_ROLES } from '@actiemonitor/domain';
import { ROLES } from '@actiemonitor/application';

const toEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ActionStatusEnum = toEnum(ACTION_STATUSES);
registerEnumType(ActionStatusEnum, {
  name: 'ActionStatus',
  description:
    'Voortgang van een actie. NOT_REPORTED: nog niemand rapporteerde (de eerlijke status van geïmporteerde acties). STOPPED vraagt een toelichting.',
});

export const RoleEnum = toEnum(ROLES);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'COORDINATOR legt vast; PARTNER leest; AUDITOR leest alles, ook de gebeurtenissen.',
});

export const InvolvementRoleEnum = toEnum(INVOLVEMENT_ROLES);
registerEnumType(InvolvementRoleEnum, {
  name: 'InvolvementRole',
  description: 'Rol van een betrokken partij die geen eigenaar is: financiert, werkt samen, wordt geraadpleegd, werkt mee, ondersteunt.',
});

export const TargetDirectionEnum = toEnum(['INCREASE', 'DECREASE', 'AT_LEAST', 'QUALITATIVE'] as const);
registerEnumType(TargetDirectionEnum, { name: 'TargetDirection' });

export const PartnerKindEnum = { ORGANISATION: 'organisation', GROUP: 'group', REGION: 'region' } as const;
registerEnumType(PartnerKindEnum, {
  name: 'PartnerKind',
  description: 'Een organisatie (VWS, VNG), een groep (gemeenten, regio’s, hogescholen) of een van de 42 jeugdzorgregio’s.',
});

export const ActionLevelEnum = toEnum(ACTION_LEVELS);
registerEnumType(ActionLevelEnum, {
  name: 'ActionLevel',
  description:
    'Waar een traject wordt uitgevoerd, zoals de kolom "Niveau" van de Koers het zegt: landelijk, regionaal of bij een aanbieder.',
});
