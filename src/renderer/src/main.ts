import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { hashToRoute } from '../../shared/routes.ts'
import { WINDOW_SHAPES } from '../../shared/window-shapes.ts'
import App from './App.vue'
import './styles/base.css'
import { windowOwner } from './window-account.ts'

// One renderer for every window: the window's kind (and friend) is in the address's hash.
const route = hashToRoute(location.hash)
const root = document.getElementById('app')
if (root === null) throw new Error('the page has no #app')
// The window's own size, for a web shell tab to frame it at (base.css); an Electron window
// is that size already, and there the page simply fills it.
const shape = WINDOW_SHAPES[route.kind]
root.dataset.window = route.kind
// Whose window it is: the owner's number (empty for the login window, which has none).
root.dataset.account = String(windowOwner() ?? '')
root.style.setProperty('--window-width', `${shape.width}px`)
root.style.setProperty('--window-height', `${shape.height}px`)
createApp(App, { route }).use(createPinia()).mount(root)
