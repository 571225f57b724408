// The FollowTheMoney schemas that are screening targets, and the entity type each
// becomes; other schemas (Position, Occupancy, Family…) describe relations.
import type {EntityType} from '../../records/index.js';

export const targetSchemaTypes: Readonly<Record<string, EntityType>> = {
	Person: 'person',
	Organization: 'entity',
	Company: 'entity',
	LegalEntity: 'entity',
	PublicBody: 'entity',
	Vessel: 'vessel',
	Airplane: 'aircraft',
};
