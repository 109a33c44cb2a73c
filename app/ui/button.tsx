import type { ComponentProps, ReactNode } from "react";
import { Link } from "react-router";

/**
 * The three looks of an action. A link that starts something ("Aanmelden", "Stel een vraag")
 * looks like a button; it stays a link, so it opens in a new tab and works without JavaScript.
 */
export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";
export type ButtonSize = "md" | "sm";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-accent-700 text-white hover:bg-accent-800",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
  quiet: "text-accent-800 underline-offset-4 hover:bg-accent-50 hover:underline",
};

const sizes: Record<ButtonSize, string> = {
  md: "min-h-11 px-4 py-2",
  sm: "min-h-9 px-3 py-1 text-sm",
};

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md") {
  return `inline-flex items-center justify-center gap-2 rounded-md font-medium no-underline ${sizes[size]} ${variants[variant]}`;
}

type LinkButtonProps = ComponentProps<typeof Link> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  icon?: ReactNode;
};

/** A link styled as a button: the main action of a page or card. */
export function LinkButton({
  variant = "primary",
  size = "md",
  icon,
  className = "",
  children,
  ...link
}: LinkButtonProps) {
  return (
    <Link {...link} className={`${buttonClass(variant, size)} ${className}`}>
      {icon}
      {children}
    </Link>
  );
}

type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  icon?: ReactNode;
};

/** A native button (it submits its form without JavaScript), in the house look. */
export function Button({
  variant = "primary",
  size = "md",
  icon,
  className = "",
  type = "submit",
  children,
  ...button
}: ButtonProps) {
  return (
    <button {...button} type={type} className={`${buttonClass(variant, size)} ${className}`}>
      {icon}
      {children}
    </button>
  );
}
