// Light and dark themes: a data-theme attribute on <html> switches the CSS variables
// (src/ui/styles/theme.css). The person's choice is kept in localStorage; without one, the
// operating system's prefers-color-scheme decides (and is followed when it changes).
import { create } from 'zustand';

export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'edgelab:v1:theme';

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(THEME_STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage blocked: the system preference still applies
  }
}

const systemQuery = () =>
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function system(): Theme {
  return systemQuery()?.matches ? 'dark' : 'light';
}

function apply(theme: Theme) {
  document.documentElement.dataset.theme = theme;
}

interface ThemeStore {
  theme: Theme;
  /** true once the person picked a theme (then the system preference no longer applies) */
  chosen: boolean;
  toggle: () => void;
}

export const useTheme = create<ThemeStore>()((set, get) => ({
  theme: stored() ?? system(),
  chosen: stored() !== null,
  toggle: () => {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // not persisted, still applied
    }
    apply(theme);
    set({ theme, chosen: true });
  },
}));

// Applied at import, before the first render, so the first frame is in the right theme.
apply(useTheme.getState().theme);
systemQuery()?.addEventListener('change', () => {
  if (useTheme.getState().chosen) return;
  const theme = system();
  apply(theme);
  useTheme.setState({ theme });
});
