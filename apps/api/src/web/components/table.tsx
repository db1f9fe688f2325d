import type { ComponentProps, ReactNode } from 'react';

/**
 * Tables in the NL Design System's markup (utrecht-table classes, as the Rijkshuisstijl Table components
 * render them). Written out because those components' published types drop `scope` and `className`,
 * and header cells need `scope` for screen readers (WCAG 1.3.1).
 */
export function Table({ children, className }: { children: ReactNode; className?: string }) {
  return <table className={`utrecht-table${className ? ` ${className}` : ''}`}>{children}</table>;
}
export const TableCaption = ({ children }: { children: ReactNode }) => <caption className="utrecht-table__caption">{children}</caption>;
export const TableHeader = ({ children }: { children: ReactNode }) => <thead className="utrecht-table__header">{children}</thead>;
export const TableBody = ({ children }: { children: ReactNode }) => <tbody className="utrecht-table__body">{children}</tbody>;
export const TableRow = ({ children }: { children: ReactNode }) => <tr className="utrecht-table__row">{children}</tr>;
export function TableHeaderCell({ className, ...props }: ComponentProps<'th'>) {
  return <th className={`utrecht-table__header-cell${className ? ` ${className}` : ''}`} {...props} />;
}
export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={`utrecht-table__cell${className ? ` ${className}` : ''}`} {...props} />;
}
