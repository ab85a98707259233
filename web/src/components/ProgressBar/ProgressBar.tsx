/**
 * A labelled progress bar (native `<progress>`, so screen readers announce the value) with the numbers in text
 * beside it; without a total it shows as busy.
 */
export function ProgressBar({ id, label, value, max, text }: { readonly id: string; readonly label: string; readonly value?: number | undefined; readonly max?: number | undefined; readonly text: string }) {
  return (
    <div className="kp-progress">
      <label className="utrecht-form-label" htmlFor={id}>{label}</label>
      <progress id={id} className="kp-progress__bar" {...(max ? { value: value ?? 0, max } : {})} aria-describedby={`${id}-tekst`} />
      <p className="utrecht-paragraph" id={`${id}-tekst`} aria-live="polite">{text}</p>
    </div>
  )
}
