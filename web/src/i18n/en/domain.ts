import type vi from '../vi/domain';
import type { Shape } from '../shape';

export default {
  app: {
    title: 'Community Digital Technology Teams',
    language: 'Tiếng Việt',
  },
  common: {
    loading: 'Loading…',
    cancel: 'Cancel',
    close: 'Close',
    none: '(none)',
    dateHint: 'Day/month/year, e.g. 07/12/2026',
    monthHint: 'Month/year, e.g. 12/2026',
    monthOf: '{month}',
  },
  status: {
    indicator: {
      met: 'Met',
      on_track: 'On track',
      behind: 'Behind',
      no_target: 'No target',
      no_population: 'No population figure',
    },
    report: {
      none: 'Not opened',
      draft: 'Draft',
      submitted: 'Submitted',
      approved: 'Approved',
      returned: 'Returned',
    },
    timeliness: {
      on_time: 'On time',
      late: 'Late',
      missing: 'Missing',
      pending: 'Not yet due',
    },
    request: {
      submitted: 'Waiting for the team leader',
      nominated: 'Waiting for the chairman',
      approved: 'Approved',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
    },
    import: {
      create: 'New',
      match: 'Already a member',
      refuse: 'Refused',
    },
    account: {
      active: 'Active',
      disabled: 'Disabled',
    },
    team: {
      established: 'Established by a decision',
      notEstablished: 'No establishment decision yet',
      breaksPolicy: 'The team breaks its policy',
    },
    village: {
      noTeam: 'No team yet',
    },
    chatGroup: {
      complete: 'Every required participant has joined',
      incomplete: 'Not every required participant has joined',
    },
  },
  kind: {
    unit: {
      province: 'Province',
      district: 'District',
      commune: 'Commune',
      village: 'Village',
    },
    team: {
      village: 'Village team',
      commune: 'Commune-level team',
    },
    report: {
      team_monthly: 'Team monthly report',
      commune_monthly: 'Commune monthly report',
      district_monthly: 'District monthly report',
      commune_annual: 'Commune annual report',
    },
    request: {
      join: 'Request to join the team',
      leave: 'Request to leave the team',
    },
    decision: {
      establish: 'Establishment',
      amend: 'Amendment',
    },
    reporters: {
      teams: 'Teams',
      communes: 'Communes',
      districts: 'Districts',
    },
  },
  role: {
    account: {
      admin: 'Administrator',
      province_officer: 'Province officer',
      district_officer: 'District officer',
      commune_chair: 'Commune chairman',
      commune_officer: 'Commune culture-society officer',
      viewer: 'Viewer (partner)',
      team_leader: 'Team leader',
      member: 'Team member',
    },
    member: {
      leader: 'Leader',
      deputy: 'Deputy',
      member: 'Member',
      collaborator: 'Collaborator',
    },
  },
  gender: {
    male: 'Male',
    female: 'Female',
    other: 'Other',
  },
  cohort: {
    age14plus: 'Aged 14 and over',
    age15plus: 'Aged 15 and over',
    age18plus: 'Aged 18 and over',
    working_age: 'Working age',
    households: 'Households',
    business_households: 'Production and business households',
    businesses: 'Businesses and shops',
  },
  indicatorShort: {
    vneid: 'VNeID level 2',
    health_record: 'Health record app',
    digital_signature: 'Digital signature',
    public_service: 'Online public services',
    payment_account: 'Payment account',
    ecommerce: 'E-commerce',
    social_network: 'Social networks',
    citizen_app: 'Citizen app',
    qr_payment: 'QR payment',
    cashless_street: 'Cashless streets',
    cashless_market: 'Cashless markets',
  },
} satisfies Shape<typeof vi>;
