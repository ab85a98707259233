export { createKeyring, generateMasterKey, type Keyring, type KeyPurpose } from './keyring.js'
