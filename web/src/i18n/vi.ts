export default {
  app: { title: 'Tổ công nghệ số cộng đồng', language: 'English' },
  common: {
    loading: 'Đang tải…',
    save: 'Lưu',
    cancel: 'Hủy',
    back: 'Quay lại',
    retry: 'Thử lại',
    offline: 'Mất kết nối mạng',
  },
};
