import type { HTMLAttributes } from 'react';

export function Card({ className = '', ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={`rounded-lg border border-line bg-white p-6 shadow-sm ${className}`} {...props} />;
}
