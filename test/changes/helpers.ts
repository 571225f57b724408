// Entities and snapshots for the changes tests, built by hand so each test shows its data.
import type {ScreeningEntity} from '../../source/records/list-entries.js';

export function entity(id: string, name: string, fields: Partial<Omit<ScreeningEntity, 'id' | 'name'>> = {}): ScreeningEntity {
	return {
		id,
		name,
		aliases: [],
		type: 'entity',
		addresses: [],
		countries: [],
		list: 'Entity List (EL) - Bureau of Industry and Security',
		programs: [],
		listedOn: null,
		federalRegisterNotice: null,
		remarks: null,
		sourceUrls: [],
		identifiers: [],
		...fields,
	};
}
