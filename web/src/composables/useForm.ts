// One way for a form to check, send and say what went wrong (issue 14): the form's own problems by
// field, the server's refusal (an ApiError naming a field of the request, or none), `busy` while
// it sends, and after a problem or a refusal the focus on the first invalid field of the element
// bound :ref="formRoot" (the form, or what holds it).
// A field's message (`err`) is the form's own problem, else the refusal when it names that field;
// a refusal naming no field of the form is `otherError`, shown under the form; `firstProblem` is
// what a screen reader is told (a role="alert" line). Fields are the form's names: `fieldOf` says
// which one a refusal's `field` means (`person.phone` → `phone`, `member_ids[2]` → `member_ids`).
// The field screen does not use it (its queue judges records offline): it stays out of its load.
import { computed, nextTick, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api';
import { errorText } from '../components/core/shared';

/** The field a refusal names, as the request spells it ('' for none). */
export function refusedField(e: unknown): string {
  return e instanceof ApiError ? e.body.field ?? '' : '';
}

/**
 * A part of a form that a shared frame (ActivityForm, CatalogueSection) leaves to its caller: its
 * fields' names, their checks (which note the problems they find, by field), what they add to the
 * request, and how they start empty again once it is stored.
 */
export interface FormPart {
  names: string[];
  check: (problems: Record<string, string>) => void;
  body: () => Record<string, unknown>;
  reset: () => void;
}

export function useForm(fields: readonly string[], fieldOf: (requestField: string) => string = (f) => f) {
  const { locale } = useI18n();
  // The form, or what holds it: where invalid fields are looked for. Bound :ref="formRoot".
  let root: Element | null = null;
  const formRoot = (el: unknown) => {
    root = el instanceof Element ? el : null;
  };
  const busy = ref(false);
  const problems = reactive<Record<string, string>>({});
  const refusal = ref<unknown>(null);
  /** What the form has just done, for its status line. */
  const done = ref('');

  const refused = computed(() => fieldOf(refusedField(refusal.value)));
  const refusalText = computed(() => (refusal.value ? errorText(refusal.value, locale.value) : ''));
  const err = (f: string): string => problems[f] || (refused.value === f ? refusalText.value : '');
  const otherError = computed(() => (refusal.value && !fields.includes(refused.value) ? refusalText.value : ''));
  const firstProblem = computed(() => fields.map(err).find(Boolean) ?? '');
  const hasProblems = () => Object.values(problems).some(Boolean);

  function clear(): void {
    refusal.value = null;
    done.value = '';
    for (const k of Object.keys(problems)) delete problems[k];
  }

  async function focusInvalid(): Promise<void> {
    await nextTick();
    root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /**
   * The submit dance: clears what was said (and done), runs `check` (it fills `problems`), and unless a
   * problem was found sends with `busy` set; a refusal is kept (what was typed stays). Either way
   * the first invalid field takes the focus. True when sent.
   */
  async function submit(send: () => Promise<unknown>, check?: () => void): Promise<boolean> {
    clear();
    check?.();
    if (hasProblems()) {
      await focusInvalid();
      return false;
    }
    busy.value = true;
    try {
      await send();
      return true;
    } catch (e) {
      refusal.value = e;
      await focusInvalid();
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** What the form's frame shows: busy, the alert for screen readers, the refusal, what was done. */
  const status = reactive({ busy, alert: firstProblem, error: otherError, done });

  return { formRoot, status, busy, done, problems, refusal, refused, refusalText, err, otherError, firstProblem, hasProblems, clear, submit };
}
