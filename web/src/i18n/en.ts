export default {
  app: { title: 'Community Digital Technology Teams', language: 'Tiếng Việt' },
  common: {
    loading: 'Loading…',
    save: 'Save',
    cancel: 'Cancel',
    back: 'Back',
    retry: 'Retry',
    offline: 'Offline',
  },
};
