// The API's shapes, named for the app. Every one is a schema of docs/openapi.yaml: `npm run
// gen:api` (run by `npm run build` and `npm run typecheck`) writes ./schema.d.ts from the spec, so
// a field the app reads and the spec lacks is a type error. Add an alias here rather than a hand-
// written interface; if the server sends a field the spec lacks, the spec is what to fix.
import type { components } from './schema';

type Schemas = components['schemas'];

// Errors: the body of every 4xx, `{"error": ApiErrorBody}`.
export type ApiErrorBody = Schemas['Error']['error'];

// Accounts and sign-in.
export type Account = Schemas['Account'];
export type AccountDetail = Schemas['AccountDetail'];
export type AccountPage = Schemas['AccountPage'];
export type Grant = Schemas['Grant'];
export type GrantRole = Schemas['GrantRole'];
export type LoginResponse = Schemas['LoginResponse'];
export type MemberAccount = Schemas['MemberAccount'];

// Units, their history, figures and policy.
export type Unit = Schemas['Unit'];
export type UnitKind = Schemas['UnitKind'];
export type UnitDetail = Schemas['UnitDetail'];
export type UnitPage = Schemas['UnitPage'];
export type UnitEvent = Schemas['UnitEvent'];
export type UnitBrief = Schemas['UnitBrief'];
export type UnitEventPage = Schemas['UnitEventPage'];
export type Population = Schemas['Population'];
export type PopulationList = Schemas['PopulationList'];
export type EffectivePolicy = Schemas['EffectivePolicy'];
export type EffectiveLevelPolicy = Schemas['EffectiveLevelPolicy'];
export type Coverage = Schemas['Coverage'];
export type ChildUnit = Schemas['ChildUnit'];
export type ChildUnitPage = Schemas['ChildUnitPage'];
export type ChatGroup = Schemas['ChatGroup'];
export type UnitEventInput = Schemas['UnitEventInput'];
export type UnitEventResult = Schemas['UnitEventResult'];
export type UnitEventDryRun = Schemas['UnitEventDryRun'];

// Teams, members and requests.
export type Team = Schemas['Team'];
export type TeamLevel = Schemas['TeamLevel'];
export type TeamDetail = Schemas['TeamDetail'];
export type TeamPage = Schemas['TeamPage'];
export type Role = Schemas['Role'];
export type Person = Schemas['Person'];
export type Membership = Schemas['Membership'];
export type Violation = Schemas['Violation'];
export type MembershipRequest = Schemas['MembershipRequest'];
export type MembershipRequestPage = Schemas['MembershipRequestPage'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];

// Decisions and Form 2 imports.
export type Decision = Schemas['Decision'];
export type DecisionPage = Schemas['DecisionPage'];
export type ImportReport = Schemas['ImportReport'];
export type ImportRow = Schemas['ImportRow'];
export type VillageImportReport = Schemas['VillageImportReport'];

// Field work.
export type Service = Schemas['Service'];
export type ServiceList = Schemas['ServiceList'];
export type SupportRecordInput = Schemas['SupportRecordInput'];
export type SupportResult = Schemas['SupportResult'];
export type SupportBatchResult = Schemas['SupportBatchResult'];
export type SupportRecordPage = Schemas['SupportRecordPage'];
export type SupportRecord = Schemas['SupportRecord'];

// Training sessions and propaganda events (the team's activities).
export type TrainingSession = Schemas['TrainingSession'];
export type TrainingPage = Schemas['TrainingPage'];
export type RecordedTraining = Schemas['RecordedTraining'];
export type PropagandaEvent = Schemas['PropagandaEvent'];
export type EventPage = Schemas['EventPage'];
export type RecordedEvent = Schemas['RecordedEvent'];
export type ActivityCodeList = Schemas['ActivityCodeList'];

// Indicators, their definitions and targets.
export type IndicatorValue = Schemas['IndicatorValue'];
export type EffectiveTarget = Schemas['EffectiveTarget'];
export type IndicatorTable = Schemas['IndicatorTable'];
export type IndicatorTableByChildren = Schemas['IndicatorTableByChildren'];
export type IndicatorTableByCommunes = Schemas['IndicatorTableByCommunes'];
export type IndicatorDefinition = Schemas['IndicatorDefinition'];
export type IndicatorDefinitionList = Schemas['IndicatorDefinitionList'];
export type TargetItem = Schemas['TargetItem'];
export type TargetList = Schemas['TargetList'];

// Reporting and allowances.
export type Report = Schemas['Report'];
export type ReportPage = Schemas['ReportPage'];
export type ReportFigures = Schemas['ReportFigures'];
export type ReportingStatus = Schemas['ReportingStatus'];
export type ReportKind = Schemas['ReportKind'];
export type ReportingPolicy = Schemas['ReportingPolicy'];
export type ReportingPolicyInput = Schemas['ReportingPolicyInput'];
export type AllowanceSheet = Schemas['AllowanceSheet'];
export type EffectiveAllowanceRate = Schemas['EffectiveAllowanceRate'];
export type AllowanceRate = Schemas['AllowanceRate'];
export type AllowanceRateInput = Schemas['AllowanceRateInput'];
export type AllowanceRateList = Schemas['AllowanceRateList'];

// Cashless streets and markets.
export type CashlessPlace = Schemas['CashlessPlace'];
export type CashlessPlacePage = Schemas['CashlessPlacePage'];

// Parts of schemas that the spec does not name.
export type PathItem = UnitDetail['path'][number];
export type Citizen = SupportRecordInput['citizen'];
export type ActivityCode = ActivityCodeList['items'][number];
export type ReportingRule = NonNullable<ReportingPolicy['items']>[number];
