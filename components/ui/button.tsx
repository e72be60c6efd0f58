import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const variants: Record<Variant, string> = {
  primary: 'bg-navy text-white hover:bg-navy-dark border border-navy',
  secondary: 'bg-white text-navy border border-line hover:border-navy',
  danger: 'bg-danger text-white border border-danger hover:opacity-90',
  ghost: 'bg-transparent text-navy border border-transparent hover:underline',
};

export function Button({ variant = 'primary', className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60 ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
