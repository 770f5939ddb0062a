// One lazy chunk per screen: a volunteer opening the field screen downloads only that screen.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { session, loadSession } from './session';

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/Login.vue'), meta: { public: true } },
  { path: '/', name: 'home', component: () => import('./views/Home.vue') },
  { path: '/units', name: 'units', component: () => import('./views/Units.vue') },
  { path: '/units/:id(\\d+)', name: 'unit', component: () => import('./views/Unit.vue') },
  { path: '/teams/:id(\\d+)', name: 'team', component: () => import('./views/Team.vue') },
  { path: '/teams/:id(\\d+)/activities', name: 'team-activities', component: () => import('./views/TeamActivities.vue') },
  { path: '/inbox', name: 'inbox', component: () => import('./views/Inbox.vue') },
  { path: '/field', name: 'field', component: () => import('./views/FieldLog.vue') },
  { path: '/units/:id(\\d+)/indicators', name: 'indicators', component: () => import('./views/Indicators.vue') },
  { path: '/units/:id(\\d+)/reporting', name: 'reporting', component: () => import('./views/Reporting.vue') },
  { path: '/reports/:id(\\d+)', name: 'report', component: () => import('./views/Report.vue') },
  { path: '/units/:id(\\d+)/documents', name: 'documents', component: () => import('./views/Documents.vue') },
  { path: '/units/:id(\\d+)/indicator-setup', name: 'indicator-setup', component: () => import('./views/IndicatorSetup.vue') },
  { path: '/units/:id(\\d+)/settings', name: 'unit-admin', component: () => import('./views/UnitAdmin.vue') },
  { path: '/accounts', name: 'accounts', component: () => import('./views/Accounts.vue') },
  { path: '/me', name: 'me', component: () => import('./views/Me.vue') },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue'), meta: { public: true } },
];

export const router = createRouter({ history: createWebHistory(), routes });

// Every screen but sign-in needs a session; the first navigation asks the server who we are.
router.beforeEach(async (to) => {
  if (!session.checked) {
    try {
      await loadSession();
    } catch {
      // Offline at start: let the field screen open from the cache with what it queued.
      if (to.name === 'field') return true;
    }
  }
  if (!to.meta.public && !session.account && to.name !== 'field') {
    return { name: 'login', query: { next: to.fullPath } };
  }
  return true;
});
