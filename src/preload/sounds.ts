import { ipcRenderer } from 'electron'
import { isSoundName, SOUND_CHANNEL } from '../shared/sound-names.ts'

// The preload runs in a page, but is type-checked with the Node files: only this is needed.
declare const Audio: new (src: string) => { play(): Promise<void> }

/** Plays the sounds main asks for, from our own origin; a blocked or missing one stays silent. */
export function playSoundsOnRequest(): void {
  ipcRenderer.on(SOUND_CHANNEL, (_event, name: unknown) => {
    if (!isSoundName(name)) return
    void new Audio(`/sounds/${name}.wav`).play().catch(() => undefined)
  })
}
