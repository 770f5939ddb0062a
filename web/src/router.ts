// One lazy chunk per screen: a volunteer opening the field screen downloads only that screen.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { session, loadSession } from './session';
import { currentLocale, loadMessages } from './i18n';

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/Login.vue'), meta: { public: true, coreMessages: true } },
  { path: '/', name: 'home', component: () => import('./views/Home.vue') },
  { path: '/units', name: 'units', component: () => import('./views/Units.vue') },
  { path: '/units/:id(\\d+)', name: 'unit', component: () => import('./views/Unit.vue') },
  { path: '/teams/:id(\\d+)', name: 'team', component: () => import('./views/Team.vue') },
  { path: '/teams/:id(\\d+)/activities', name: 'team-activities', component: () => import('./views/TeamActivities.vue') },
  { path: '/inbox', name: 'inbox', component: () => import('./views/Inbox.vue') },
  { path: '/field', name: 'field', component: () => import('./views/FieldLog.vue'), meta: { coreMessages: true } },
  { path: '/units/:id(\\d+)/indicators', name: 'indicators', component: () => import('./views/Indicators.vue') },
  { path: '/units/:id(\\d+)/reporting', name: 'reporting', component: () => import('./views/Reporting.vue') },
  { path: '/reports/:id(\\d+)', name: 'report', component: () => import('./views/Report.vue') },
  { path: '/units/:id(\\d+)/documents', name: 'documents', component: () => import('./views/Documents.vue') },
  { path: '/units/:id(\\d+)/indicator-setup', name: 'indicator-setup', component: () => import('./views/IndicatorSetup.vue') },
  { path: '/units/:id(\\d+)/settings', name: 'unit-admin', component: () => import('./views/UnitAdmin.vue') },
  { path: '/accounts', name: 'accounts', component: () => import('./views/Accounts.vue') },
  { path: '/me', name: 'me', component: () => import('./views/Me.vue') },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue'), meta: { public: true, coreMessages: true } },
];

export const router = createRouter({ history: createWebHistory(), routes });

// Every screen but sign-in needs a session; the first navigation asks the server who we are
// (offline, loadSession answers with the account last signed in on this device).
router.beforeEach(async (to) => {
  // The screen's texts: the field screen, sign-in and not-found need only the core set that
  // ships with the app (i18n/index.ts); fetched beside the session check, not after it.
  const messages = loadMessages(currentLocale(), !to.meta.coreMessages).catch(() => undefined);
  // The field form does not wait for the answer (it shows at once and waits itself, FieldLog.vue):
  // on a weak signal that is a round trip less before the volunteer can type.
  if (!session.checked && to.name === 'field') {
    void loadSession().catch(() => undefined);
    return messages.then(() => true);
  }
  // Sign-in needs no answer (and a 401 in the console is an error to Lighthouse).
  if (!session.checked && to.name !== 'login') {
    try {
      await loadSession();
    } catch {
      // Unreachable, never signed in on this device: to sign-in (the field screen opens above).
    }
  }
  if (!to.meta.public && !session.account && to.name !== 'field') {
    return { name: 'login', query: { next: to.fullPath } };
  }
  await messages;
  return true;
});
