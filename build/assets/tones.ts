/**
 * The app's sounds, made from sine tones so they are ours and the same on every run:
 * a two-note chime for a message, a rising three-note call for a system message, and a
 * soft upward glide when a friend comes online.
 */
export const SAMPLE_RATE = 22_050

interface Note {
  /** Start and length in seconds. */
  readonly at: number
  readonly length: number
  /** Frequency at the start and at the end (a glide when they differ), in Hz. */
  readonly from: number
  readonly to: number
  readonly volume: number
}

function render(notes: readonly Note[]): Float32Array {
  const end = Math.max(...notes.map((note) => note.at + note.length))
  const samples = new Float32Array(Math.ceil(end * SAMPLE_RATE))
  for (const note of notes) {
    const first = Math.round(note.at * SAMPLE_RATE)
    const count = Math.round(note.length * SAMPLE_RATE)
    let phase = 0
    for (let index = 0; index < count; index++) {
      const t = index / SAMPLE_RATE
      const frequency = note.from + ((note.to - note.from) * index) / count
      phase += (2 * Math.PI * frequency) / SAMPLE_RATE
      // A 5 ms attack and an exponential decay: no clicks, a bell-like fade.
      const envelope = Math.min(1, t / 0.005) * Math.exp((-5 * t) / note.length)
      const tone = Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase)
      const slot = first + index
      samples[slot] = (samples[slot] ?? 0) + (note.volume * envelope * tone) / 1.35
    }
  }
  return samples
}

const note = (at: number, length: number, from: number, volume = 0.6, to = from): Note => ({
  at,
  length,
  from,
  to,
  volume
})

export const SOUNDS = {
  message: () => render([note(0, 0.12, 987.77), note(0.1, 0.22, 1318.51)]),
  system: () => render([note(0, 0.1, 659.25), note(0.09, 0.1, 880), note(0.18, 0.24, 1108.73)]),
  online: () => render([note(0, 0.26, 523.25, 0.5, 880)])
} as const
