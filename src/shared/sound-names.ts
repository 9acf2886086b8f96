/** The app's sounds (files `resources/sounds/<name>.wav`, served at `/sounds/`). */
export const SOUND_NAMES = ['message', 'system', 'online'] as const
export type SoundName = (typeof SOUND_NAMES)[number]

/**
 * Main has no audio of its own, so it asks one window's preload to play a sound; the
 * channel is the preload's private business and never reaches the page.
 */
export const SOUND_CHANNEL = 'shell:sound'

export const isSoundName = (value: unknown): value is SoundName =>
  (SOUND_NAMES as readonly unknown[]).includes(value)
