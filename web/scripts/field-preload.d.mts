// Types of field-preload.mjs, for vite.config.ts.
import type { Plugin } from 'vite';

export function fieldPreload(options?: { screen?: string; route?: string }): Plugin;
