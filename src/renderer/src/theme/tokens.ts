/**
 * The colours of both themes (the look of the classic client: a blue chrome around a white
 * list). Components use them as CSS variables (`var(--text)`); text colours are chosen to
 * meet WCAG AA contrast on the backgrounds they are drawn on (a test checks the pairs).
 */
export interface ThemeTokens {
  readonly 'chrome-top': string
  readonly 'chrome-bottom': string
  readonly 'chrome-text': string
  readonly 'chrome-button': string
  readonly 'list-bg': string
  readonly 'panel-bg': string
  readonly 'group-bg': string
  readonly border: string
  readonly hover: string
  readonly selection: string
  readonly text: string
  readonly 'text-secondary': string
  readonly 'name-me': string
  readonly 'name-peer': string
  readonly link: string
  readonly accent: string
  readonly 'accent-text': string
  readonly danger: string
  readonly focus: string
  readonly 'badge-bg': string
  readonly 'badge-text': string
  readonly 'control-bg': string
  readonly 'control-text': string
  /** Around a window shown in a browser tab (the web shell), where no desktop is. */
  readonly backdrop: string
}

export type ThemeName = 'light' | 'dark'

export const THEMES: Readonly<Record<ThemeName, ThemeTokens>> = {
  light: {
    // A little deeper than the classic #3a8fd8 → #1f6fbf, so white text on it meets AA.
    'chrome-top': '#2a78c4',
    'chrome-bottom': '#1a62a8',
    'chrome-text': '#ffffff',
    'chrome-button': 'rgba(255, 255, 255, 0.18)',
    'list-bg': '#ffffff',
    'panel-bg': '#f4f8fc',
    'group-bg': '#eef5fc',
    border: '#a9c8e8',
    hover: '#e6f1fb',
    selection: '#cde4f7',
    text: '#1b1b1b',
    'text-secondary': '#526070',
    'name-me': '#1a7f37',
    'name-peer': '#1f5fbf',
    link: '#1858b0',
    accent: '#1f6fbf',
    'accent-text': '#ffffff',
    danger: '#b42318',
    focus: '#0b57d0',
    'badge-bg': '#d92d20',
    'badge-text': '#ffffff',
    'control-bg': '#fdecc8',
    'control-text': '#7a4100',
    backdrop: '#d3d8de'
  },
  dark: {
    'chrome-top': '#1d2a38',
    'chrome-bottom': '#17212c',
    'chrome-text': '#e6edf3',
    'chrome-button': 'rgba(255, 255, 255, 0.1)',
    'list-bg': '#12181f',
    'panel-bg': '#161e27',
    'group-bg': '#1a2430',
    border: '#2e3e50',
    hover: '#1b2a3a',
    selection: '#24476b',
    text: '#e6edf3',
    'text-secondary': '#8b98a5',
    'name-me': '#56d364',
    'name-peer': '#6cb6ff',
    link: '#79b8ff',
    accent: '#1f6feb',
    'accent-text': '#ffffff',
    // Light enough to read on the selection's blue too (a focused "delete" menu item).
    danger: '#ffa198',
    focus: '#79b8ff',
    'badge-bg': '#da3633',
    'badge-text': '#ffffff',
    'control-bg': '#4a3410',
    'control-text': '#ffd58a',
    backdrop: '#07090c'
  }
}

/** Sets the theme on the page: CSS variables on the root element, and `data-theme`. */
export function applyTheme(root: HTMLElement, name: ThemeName): void {
  for (const [token, value] of Object.entries(THEMES[name]))
    root.style.setProperty(`--${token}`, value)
  root.dataset.theme = name
  root.style.colorScheme = name
}
