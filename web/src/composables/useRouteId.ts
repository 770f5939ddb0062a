// The id in a screen's address (/units/:id, /teams/:id, …) and the screen's loading of what it
// names: once the screen is mounted, and again whenever the address names another.
import { computed, onMounted, watch, type ComputedRef } from 'vue';
import { useRoute } from 'vue-router';

export function useRouteId(load: (id: number) => unknown): ComputedRef<number> {
  const route = useRoute();
  const id = computed(() => Number(route.params.id));
  onMounted(() => load(id.value));
  watch(id, (now) => load(now));
  return id;
}
