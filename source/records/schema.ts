// The native "vendor-risk records" document (schemaVersion 1): the embedded
// dataset, `--records` files and organisations' own feeds all use it. Every
// object is strict: a field the format does not know is an error naming it,
// never silently dropped (a misspelt "endDate" would otherwise vanish unseen).
import {z} from 'zod';
import {isRealDay, isRealPartialDate} from '../dates/index.js';
import {restrictionKinds, restrictionTargets} from './vocabulary.js';

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

export const legalEntitySchema = z.strictObject({
	name: z.string().min(1),
	originalScript: z.string().min(1).nullable().default(null),
	country: countryCode.nullable().default(null),
	role: z.string().nullable().default(null),
	verification: verification.default('confirmed'),
});

export const vendorSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case slug such as kaspersky'),
	name: z.string().min(1),
	entities: z.array(legalEntitySchema).default([]),
	aliases: z.array(z.string().min(1)).default([]),
	hq: countryCode,
	parent: z.string().nullable().default(null),
	categories: z.array(z.string()).default([]),
	notes: z.string().nullable().default(null),
});

export const citationSchema = z.strictObject({
	citation: z.string().nullable(),
	frDoc: z.string().nullable().default(null),
	published: fullDate.nullable().default(null),
});

export const milestoneSchema = z.strictObject({date: fullDate, what: z.string().min(1)});

/** A period in which a rule or restriction did not apply, though it was not ended. */
export const suspensionSchema = z.strictObject({
	from: fullDate,
	until: fullDate,
	what: z.string().min(1),
	source: url.nullable().default(null),
});

/** How a restriction or a class rule ends, what it covers, and where it is written: the same fields on both. */
const endAndSources = {
	endDate: fullDate.nullable().default(null),
	/** The publisher's own words on status, e.g. "revoked" or "unknown"; status by date is computed. */
	statusNote: z.string().nullable().default(null),
	scope: z.string().default(''),
	federalRegister: citationSchema.nullable().default(null),
	officialUrl: url.nullable().default(null),
	sources: z.array(url).default([]),
	verification,
	evidence: z.string().nullable().default(null),
};

export const restrictionSchema = z.strictObject({
	id: z.string().min(1),
	vendorId: z.string().min(1),
	authority: z.string().min(1),
	jurisdiction: countryCode,
	instrument: z.string().min(1),
	kind: restrictionKind,
	/**
	 * Whom it applies to: absent means the company (with its affiliates or products);
	 * `persons` means only natural persons such as executives. Optional, like
	 * `suspensions`, so records without them keep their decision fingerprints.
	 */
	target: z.enum(restrictionTargets).optional(),
	program: z.string().nullable().default(null),
	appliesTo: z.array(z.string()).default([]),
	announced: partialDate.nullable().default(null),
	milestones: z.array(milestoneSchema).default([]),
	suspensions: z.array(suspensionSchema).optional(),
	...endAndSources,
});

export const designationSchema = z.strictObject({
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

export const jurisdictionSchema = z.strictObject({
	code: countryCode,
	name: z.string().min(1),
	note: z.string().nullable().default(null),
	designations: z.array(designationSchema).default([]),
});

/** `*foreign*`: every country but the United States; `*any*`: the country does not matter (ownership rules). */
const coveredCountry = z.union([countryCode, z.literal('*foreign*'), z.literal('*any*')]);

export const modelYearMilestoneSchema = z.strictObject({modelYear: z.number().int().min(1900).max(2200), what: z.string().min(1)});

/** A rule on a product class or on ownership, not on one named vendor (reference `class_rules`). */
export const classRuleSchema = z.strictObject({
	id: z.string().min(1),
	authority: z.string().min(1),
	jurisdiction: countryCode,
	instrument: z.string().min(1),
	title: z.string().min(1),
	productClasses: z.array(z.string().min(1)).min(1),
	originCondition: z.string().min(1),
	coveredCountries: z.array(coveredCountry).default([]),
	namedVendors: z.array(z.string().min(1)).default([]),
	announced: partialDate.nullable().default(null),
	milestones: z.array(milestoneSchema).default([]),
	modelYearMilestones: z.array(modelYearMilestoneSchema).default([]),
	suspensions: z.array(suspensionSchema).default([]),
	...endAndSources,
});

/** How long records must be kept under a regime (reference `record_keeping`). */
export const recordKeepingSchema = z.strictObject({
	id: z.string().min(1),
	authority: z.string().min(1),
	jurisdiction: countryCode,
	regime: z.string().min(1),
	citation: z.string().min(1),
	retentionYears: z.number().int().positive(),
	startsFrom: z.string().default(''),
	legalBasis: z.string().nullable().default(null),
	milestones: z.array(milestoneSchema).default([]),
	federalRegister: citationSchema.nullable().default(null),
	officialUrl: url.nullable().default(null),
	sources: z.array(url).default([]),
	verification,
	evidence: z.string().nullable().default(null),
});

export const recordsDocumentSchema = z
	.strictObject({
		schemaVersion: z.literal(1),
		title: z.string().optional(),
		/** The compile date of the document. */
		asOf: fullDate,
		/** How recent the facts' sources are (often a month, e.g. 2026-06); the compile date is often much later. */
		sourcesAsOf: partialDate.optional(),
		disclaimer: z.string().optional(),
		vendors: z.array(vendorSchema),
		jurisdictions: z.array(jurisdictionSchema).default([]),
		restrictions: z.array(restrictionSchema).default([]),
		classRules: z.array(classRuleSchema).optional(),
		recordKeeping: z.array(recordKeepingSchema).optional(),
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
		const ruleIds = new Set<string>();
		(document.classRules ?? []).forEach((rule, index) => {
			if (ruleIds.has(rule.id))
				context.addIssue({code: 'custom', path: ['classRules', index, 'id'], message: `duplicate class rule id "${rule.id}"`});
			ruleIds.add(rule.id);
		});
	});

export type RecordsDocument = z.infer<typeof recordsDocumentSchema>;
export type Vendor = z.infer<typeof vendorSchema>;
export type LegalEntity = z.infer<typeof legalEntitySchema>;
export type Restriction = z.infer<typeof restrictionSchema>;
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
export type Designation = z.infer<typeof designationSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type Suspension = z.infer<typeof suspensionSchema>;
export type ClassRule = z.infer<typeof classRuleSchema>;
export type ModelYearMilestone = z.infer<typeof modelYearMilestoneSchema>;
export type RecordKeeping = z.infer<typeof recordKeepingSchema>;
export type RestrictionKind = z.infer<typeof restrictionKind>;
export type RestrictionTarget = NonNullable<Restriction['target']>;
export type Verification = z.infer<typeof verification>;
