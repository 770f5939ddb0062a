// The words of the domain: one label for each value the API returns (statuses, kinds, roles), used
// by every screen that shows it. The Vietnamese is the officers' own (seeds, docs/DOMAIN.md).
export default {
  app: {
    title: 'Tổ công nghệ số cộng đồng',
    language: 'English',
  },
  common: {
    loading: 'Đang tải…',
    cancel: 'Hủy',
    close: 'Đóng',
    none: '(không có)',
    monthOf: 'tháng {month}',
    dateHint: 'Ngày/tháng/năm, ví dụ 07/12/2026',
    monthHint: 'Tháng/năm, ví dụ 12/2026',
  },
  status: {
    // GET /units/ID/indicators: an indicator against its target.
    indicator: {
      met: 'Đạt',
      on_track: 'Đúng tiến độ',
      behind: 'Chậm tiến độ',
      no_target: 'Chưa giao chỉ tiêu',
      no_population: 'Chưa có số dân',
    },
    // A report's state; `none`: no report opened yet.
    report: {
      none: 'Chưa lập',
      draft: 'Đang soạn',
      submitted: 'Đã gửi, chờ duyệt',
      approved: 'Đã duyệt',
      returned: 'Bị trả lại',
    },
    // A report against its due date.
    timeliness: {
      on_time: 'Đúng hạn',
      late: 'Trễ hạn',
      missing: 'Chưa nộp, quá hạn',
      pending: 'Chưa đến hạn',
    },
    // A request to join or leave a team (seed 002 §3.1.4).
    request: {
      submitted: 'Chờ Tổ trưởng giới thiệu',
      nominated: 'Chờ Chủ tịch phê duyệt',
      approved: 'Đã phê duyệt',
      rejected: 'Đã từ chối',
      withdrawn: 'Đã rút',
    },
    // A row of a member import.
    import: {
      create: 'Thêm mới',
      match: 'Đã có',
      refuse: 'Từ chối',
    },
    account: {
      active: 'Đang hoạt động',
      disabled: 'Đã khóa',
    },
    // A team: its establishment decision and its composition policy.
    team: {
      established: 'Đã có Quyết định thành lập',
      notEstablished: 'Chưa có Quyết định thành lập',
      breaksPolicy: 'Tổ chưa đúng quy định',
    },
    village: {
      noTeam: 'Chưa có Tổ',
    },
    // A Zalo group against its required participants (seed 000 §2.9).
    chatGroup: {
      complete: 'Đủ thành phần bắt buộc',
      incomplete: 'Chưa đủ thành phần bắt buộc',
    },
  },
  kind: {
    unit: {
      province: 'Tỉnh',
      district: 'Huyện',
      commune: 'Xã',
      village: 'Thôn, ấp',
    },
    team: {
      village: 'Tổ cấp thôn, ấp',
      commune: 'Tổ cấp xã',
    },
    report: {
      team_monthly: 'Báo cáo tháng của Tổ',
      commune_monthly: 'Báo cáo tháng của xã',
      district_monthly: 'Báo cáo tháng của huyện',
      commune_annual: 'Báo cáo năm của xã',
    },
    request: {
      join: 'Đăng ký tham gia Tổ',
      leave: 'Xin ra khỏi Tổ',
    },
    decision: {
      establish: 'Thành lập',
      amend: 'Kiện toàn',
    },
    // Who reports to a unit (GET /units/ID/reporting-status?of=).
    reporters: {
      teams: 'Các Tổ công nghệ số cộng đồng',
      communes: 'Các xã, phường, thị trấn',
      districts: 'Các huyện, thị xã, thành phố',
    },
  },
  role: {
    // An account's grant.
    account: {
      admin: 'Quản trị hệ thống',
      province_officer: 'Cán bộ cấp tỉnh (Sở)',
      district_officer: 'Cán bộ cấp huyện',
      commune_chair: 'Chủ tịch UBND xã',
      commune_officer: 'Công chức Văn hóa – Xã hội xã',
      viewer: 'Chỉ xem (đơn vị phối hợp)',
      team_leader: 'Tổ trưởng',
      member: 'Tổ viên',
    },
    // A member's role in the team.
    member: {
      leader: 'Tổ trưởng',
      deputy: 'Tổ phó',
      member: 'Tổ viên',
      collaborator: 'Cộng tác viên',
    },
  },
  gender: {
    male: 'Nam',
    female: 'Nữ',
    other: 'Khác',
  },
  // Population cohorts, the denominators of the targets.
  cohort: {
    age14plus: 'Từ 14 tuổi trở lên',
    age15plus: 'Từ 15 tuổi trở lên',
    age18plus: 'Từ 18 tuổi trở lên',
    working_age: 'Trong độ tuổi lao động',
    households: 'Hộ gia đình',
    business_households: 'Hộ sản xuất, kinh doanh',
    businesses: 'Doanh nghiệp, cửa hàng',
  },
  // Short names of the built-in indicators, for a chart's axis (tables keep the full names).
  indicatorShort: {
    vneid: 'VNeID mức 2',
    health_record: 'Sổ sức khỏe điện tử',
    digital_signature: 'Chữ ký số',
    public_service: 'Dịch vụ công trực tuyến',
    payment_account: 'Tài khoản thanh toán',
    ecommerce: 'Thương mại điện tử',
    social_network: 'Mạng xã hội',
    citizen_app: 'Ứng dụng công dân số',
    qr_payment: 'Thanh toán QR',
    cashless_street: 'Tuyến đường không tiền mặt',
    cashless_market: 'Chợ không tiền mặt',
  },
};
