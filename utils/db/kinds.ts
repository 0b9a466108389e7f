/**
 * Kinds shared by the records, the security and the filing log, kept below all three so that none of them
 * imports another for its names: the roles of the people who sign in and the actions the audit trail writes.
 */

export const roles = ['supervisor', 'officer', 'trainer'] as const;
export type Role = (typeof roles)[number];

export const auditActions = [
  'setup',
  'unlock',
  'unlock.failed',
  'lock',
  'officer.add',
  'officer.secret',
  'officer.release',
  'officer.device',
  'person.create',
  'person.update',
  'person.view',
  'person.erase',
  'person.export',
  'people.export',
  'import',
  'retention.purge',
  'settings.update',
  'filing.view',
  'filings.export',
  'filings.bundle.export',
  'filings.bundle.import',
  'filings.counter.enrol',
] as const;
export type AuditAction = (typeof auditActions)[number];
