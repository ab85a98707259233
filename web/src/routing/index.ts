export { RouterProvider, useRouter, type Router } from './router.js'
