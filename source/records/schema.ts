// The native "vendor-risk records" document (schemaVersion 1): the embedded
// dataset, `--records` files and organisations' own feeds all use it.
import {z} from 'zod';
import {isRealDay, isRealPartialDate} from '../dates/index.js';
import {restrictionKinds} from './vocabulary.js';

export {isRealPartialDate, restrictionKinds} from './vocabulary.js';

/** A real calendar day (2024-02-30 is rejected), or a deliberately partial YYYY / YYYY-MM. */
export const partialDate = z.string().refine(isRealPartialDate, {
	message: 'expected a date as YYYY-MM-DD (or YYYY-MM / YYYY when only that is known)',
});
export const fullDate = z.string().refine(isRealDay, {
	message: 'expected a date as YYYY-MM-DD',
});

export const verification = z.enum(['confirmed', 'likely']);
const url = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');
const countryCode = z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'expected an ISO 3166 code such as RU or UA-43');

export const restrictionKind = z.enum(restrictionKinds);

export const legalEntitySchema = z.object({
	name: z.string().min(1),
	originalScript: z.string().min(1).nullable().default(null),
	country: countryCode.nullable().default(null),
	role: z.string().nullable().default(null),
	verification: verification.default('confirmed'),
});

export const vendorSchema = z.object({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case slug such as kaspersky'),
	name: z.string().min(1),
	entities: z.array(legalEntitySchema).default([]),
	aliases: z.array(z.string().min(1)).default([]),
	hq: countryCode,
	parent: z.string().nullable().default(null),
	categories: z.array(z.string()).default([]),
	notes: z.string().nullable().default(null),
});

export const citationSchema = z.object({
	citation: z.string().nullable(),
	frDoc: z.string().nullable().default(null),
	published: fullDate.nullable().default(null),
});

export const milestoneSchema = z.object({date: fullDate, what: z.string().min(1)});

export const restrictionSchema = z.object({
	id: z.string().min(1),
	vendorId: z.string().min(1),
	authority: z.string().min(1),
	jurisdiction: countryCode,
	instrument: z.string().min(1),
	kind: restrictionKind,
	program: z.string().nullable().default(null),
	appliesTo: z.array(z.string()).default([]),
	announced: partialDate.nullable().default(null),
	milestones: z.array(milestoneSchema).default([]),
	endDate: fullDate.nullable().default(null),
	/** The publisher's own words on status, e.g. "revoked"; status by date is computed. */
	statusNote: z.string().nullable().default(null),
	scope: z.string().default(''),
	federalRegister: citationSchema.nullable().default(null),
	officialUrl: url.nullable().default(null),
	sources: z.array(url).default([]),
	verification,
	evidence: z.string().nullable().default(null),
});

export const designationSchema = z.object({
	list: z.string().min(1),
	authority: z.string().min(1),
	instrument: z.string().min(1),
	statusNote: z.string().nullable().default(null),
	since: partialDate.nullable().default(null),
	until: partialDate.nullable().default(null),
	scope: z.string().default(''),
	federalRegister: citationSchema.nullable().default(null),
	sources: z.array(url).default([]),
	verification,
});

export const jurisdictionSchema = z.object({
	code: countryCode,
	name: z.string().min(1),
	note: z.string().nullable().default(null),
	designations: z.array(designationSchema).default([]),
});

export const recordsDocumentSchema = z
	.object({
		schemaVersion: z.literal(1),
		title: z.string().optional(),
		asOf: fullDate,
		disclaimer: z.string().optional(),
		vendors: z.array(vendorSchema),
		jurisdictions: z.array(jurisdictionSchema).default([]),
		restrictions: z.array(restrictionSchema).default([]),
	})
	.superRefine((document, context) => {
		const vendorIds = new Set<string>();
		document.vendors.forEach((vendor, index) => {
			if (vendorIds.has(vendor.id))
				context.addIssue({code: 'custom', path: ['vendors', index, 'id'], message: `duplicate vendor id "${vendor.id}"`});
			vendorIds.add(vendor.id);
		});
		const restrictionIds = new Set<string>();
		document.restrictions.forEach((restriction, index) => {
			if (restrictionIds.has(restriction.id))
				context.addIssue({code: 'custom', path: ['restrictions', index, 'id'], message: `duplicate restriction id "${restriction.id}"`});
			restrictionIds.add(restriction.id);
			if (!vendorIds.has(restriction.vendorId))
				context.addIssue({
					code: 'custom',
					path: ['restrictions', index, 'vendorId'],
					message: `expected the id of a vendor in this document, got "${restriction.vendorId}"`,
				});
		});
	});

export type RecordsDocument = z.infer<typeof recordsDocumentSchema>;
export type Vendor = z.infer<typeof vendorSchema>;
export type LegalEntity = z.infer<typeof legalEntitySchema>;
export type Restriction = z.infer<typeof restrictionSchema>;
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
export type Designation = z.infer<typeof designationSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type RestrictionKind = z.infer<typeof restrictionKind>;
export type Verification = z.infer<typeof verification>;
