import type { InputHTMLAttributes } from 'react';

export function CheckboxField({ label, id, name, className = '', ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string }) {
  const inputId = id ?? `field-${name}`;
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <input id={inputId} name={name} type="checkbox" className="h-4 w-4 accent-navy" {...props} />
      <label htmlFor={inputId} className="text-sm">
        {label}
      </label>
    </div>
  );
}
