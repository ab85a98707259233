import { Alert } from '../Alert/index.js'
import { Button } from '../Button/index.js'
import { DataList } from '../DataList/index.js'
import { Heading } from '../Heading/index.js'
import { Paragraph } from '../Paragraph/index.js'

export interface GeheimEenmaligProps {
  readonly titel: string
  readonly tekst: string
  /** The public identifier (client id, subscription id) and its label. */
  readonly kenmerk: readonly [label: string, waarde: string]
  /** The secret, shown this once: the hub keeps only a hash or an encrypted copy. */
  readonly geheim: readonly [label: string, waarde: string]
  readonly sluitTekst: string
  readonly onSluiten: () => void
}

/** The "here is your secret, shown once" notice after creating an API client or a webhook subscription. */
export function GeheimEenmalig({ titel, tekst, kenmerk, geheim, sluitTekst, onSluiten }: GeheimEenmaligProps) {
  return (
    <Alert type="ok" role="status">
      <Heading level={3}>{titel}</Heading>
      <Paragraph>{tekst}</Paragraph>
      <DataList items={[[kenmerk[0], <code className="kp-code">{kenmerk[1]}</code>], [geheim[0], <code className="kp-code kp-secret">{geheim[1]}</code>]]} />
      <Button appearance="secondary-action" onClick={onSluiten}>{sluitTekst}</Button>
    </Alert>
  )
}
