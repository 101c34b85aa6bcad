import { MunicipalityObservation } from './municipality-observation.entity';

export * from './municipality-observation.entity';
export const MUNICIPAL_INDICATORS_ENTITIES = [MunicipalityObservation];
