import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@utrecht/component-library-css/dist/index.css'
import '@utrecht/design-tokens/dist/index.css'
import './styles/portal.css'
import { App } from './components/App/index.js'
import { RouterProvider } from './routing/index.js'
import { SessionProvider } from './session/index.js'

const root = document.getElementById('root')
if (!root) throw new Error('#root ontbreekt in index.html')
createRoot(root).render(
  <StrictMode>
    <RouterProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </RouterProvider>
  </StrictMode>,
)
