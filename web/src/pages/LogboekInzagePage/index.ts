export * from './LogboekInzagePage.js'
