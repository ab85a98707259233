import { spawn } from 'node:child_process'

export interface ProcessResult { readonly code: number | null; readonly stdout: string; readonly stderr: string }

/** Runs a TypeScript CLI entry point as a separate process, as a user would, with `stdin` as its input. */
export function runCliProcess(main: string, args: readonly string[], stdin = ''): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', main, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d) => { stdout += d })
    p.stderr.on('data', (d) => { stderr += d })
    p.on('error', reject)
    p.on('close', (code) => resolve({ code, stdout, stderr }))
    p.stdin.end(stdin)
  })
}
