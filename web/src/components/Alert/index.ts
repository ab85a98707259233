export * from './Alert.js'
