// The population cohorts, as the unit's population records them and percent indicators count
// against them (their labels: cohort.*).
import type { Population } from '../../api/types';

export type Cohort = Exclude<keyof Population, 'unit_id' | 'year'>;
export const COHORTS: readonly Cohort[] = [
  'age14plus', 'age15plus', 'age18plus', 'working_age', 'households', 'business_households', 'businesses',
];
