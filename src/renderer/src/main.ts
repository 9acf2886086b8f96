import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { hashToRoute } from '../../shared/routes.ts'
import App from './App.vue'
import './styles/base.css'

// One renderer for every window: the window's kind (and friend) is in the address's hash.
createApp(App, { route: hashToRoute(location.hash) })
  .use(createPinia())
  .mount('#app')
