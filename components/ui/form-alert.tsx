/** A form's general message (error or success), announced to screen readers. */
export function FormAlert({ tone, children }: { tone: 'error' | 'success'; children: React.ReactNode }) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border px-3 py-2 text-sm ${tone === 'error' ? 'border-danger/40 bg-danger/5 text-danger' : 'border-ok/40 bg-ok/5 text-ok'}`}
    >
      {children}
    </p>
  );
}
