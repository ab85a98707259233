export * from './DataList.js'
