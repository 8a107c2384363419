import type { ReactNode } from 'react';
import { CairnMark } from './CairnMark';
import './auth.css';

/** The signed-out pages' frame: Cairn's mark and the page's heading on a centred card. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth" id="main">
      <div className="auth__card">
        <p className="auth__brand">
          <CairnMark /> Cairn
        </p>
        <h1 className="auth__title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
