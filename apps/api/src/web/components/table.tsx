import type { ComponentProps, ReactNode } from 'react';

/**
 * Tables in the NL Design System's markup (utrecht-table classes, as the Rijkshuisstijl Table components
 * render them). Written out because those components' published types drop `scope` and `className`,
 * and header cells need `scope` for screen readers (WCAG 1.3.1).
 */
/**
 * A wide table scrolls sideways inside its own region instead of running past the page; the region can
 * take focus (so keyboard users can scroll it) and is named after the table's caption.
 */
export function Table({ caption, children, className }: { caption: string; children: ReactNode; className?: string }) {
  return (
    <div className="am-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className={`utrecht-table${className ? ` ${className}` : ''}`}>
        <caption className="utrecht-table__caption">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
export const TableHeader = ({ children }: { children: ReactNode }) => <thead className="utrecht-table__header">{children}</thead>;
export const TableBody = ({ children }: { children: ReactNode }) => <tbody className="utrecht-table__body">{children}</tbody>;
export const TableRow = ({ children }: { children: ReactNode }) => <tr className="utrecht-table__row">{children}</tr>;
export function TableHeaderCell({ className, ...props }: ComponentProps<'th'>) {
  return <th className={`utrecht-table__header-cell${className ? ` ${className}` : ''}`} {...props} />;
}
export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={`utrecht-table__cell${className ? ` ${className}` : ''}`} {...props} />;
}
