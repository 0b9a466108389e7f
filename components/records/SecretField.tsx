import type { Ref } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'current-password' or 'new-password' let a password manager help; a PIN or an unlock says 'off'. */
  autoComplete?: 'current-password' | 'new-password' | 'off';
  /** A PIN: the numeric keypad on a touch screen. */
  numeric?: boolean;
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A passphrase or PIN, its label and its masked input: the one way secrets are typed on the extension's pages. */
export function SecretField({
  id,
  label,
  value,
  onChange,
  autoComplete = 'off',
  numeric,
  describedBy,
  inputRef,
}: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
      />
    </>
  );
}
