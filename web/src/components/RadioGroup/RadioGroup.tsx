import { Fieldset } from '../Fieldset/index.js'

export interface RadioGroupProps {
  readonly id: string
  readonly name: string
  readonly legend: string
  readonly description?: string | undefined
  readonly error?: string | undefined
  readonly value: string
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
  onChange(value: string): void
}

/** Utrecht radio buttons in a fieldset: one choice, arrow keys move between the options. */
export function RadioGroup({ id, name, legend, description, error, value, options, onChange }: RadioGroupProps) {
  return (
    <Fieldset id={id} legend={legend} description={description} error={error}>
      {options.map((o) => (
        <div className="kp-checkbox" key={o.value}>
          <input type="radio" id={`${id}-${o.value}`} name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)}
            className="utrecht-radio-button utrecht-radio-button--html-input" />
          <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </Fieldset>
  )
}
