/** Administrative depth, the same words for Kyrgyzstan (SOATE) and Kazakhstan (KATO). */
export enum UnitLevel {
  COUNTRY = 'COUNTRY',
  REGION = 'REGION', // oblast / облыс, and cities of republican significance
  DISTRICT = 'DISTRICT', // raion / аудан, and cities of oblast significance
  AIMAK = 'AIMAK', // aiyl aimak (aiyl okrug) / rural okrug
  CITY = 'CITY', // town or city below district level
  VILLAGE = 'VILLAGE',
}

export enum Country {
  KG = 'KG',
  KZ = 'KZ',
}

export enum CommunityKind {
  BUDGET_GROUP = 'BUDGET_GROUP',
  INITIATIVE_GROUP = 'INITIATIVE_GROUP',
  PUBLIC_COUNCIL = 'PUBLIC_COUNCIL',
  LOCAL_KENESH = 'LOCAL_KENESH',
  MUNICIPALITY = 'MUNICIPALITY',
}
