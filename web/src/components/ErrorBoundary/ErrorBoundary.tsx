import { Component, type ReactNode } from 'react'
import { ErrorScreen } from '../ErrorScreen/index.js'

/** Catches render errors so a bug shows the "er ging iets mis" screen instead of a blank page. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined }
  static getDerivedStateFromError(error: unknown) { return { error } }
  override render() {
    return this.state.error !== undefined ? <ErrorScreen error={this.state.error} /> : this.props.children
  }
}
