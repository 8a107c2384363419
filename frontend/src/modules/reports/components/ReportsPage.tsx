import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';

/** Practice outcome reports: a placeholder until the report API lands. */
export function ReportsPage() {
  useDocumentTitle('Reports');
  const { me } = useMe();
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1>Outcome reports</h1>
          {me && <p className="page__lede">{me.practiceName}</p>}
        </div>
      </header>
      <section className="panel" aria-labelledby="reports-soon" data-testid="reports-placeholder">
        <h2 id="reports-soon" className="panel__title">
          Coming soon
        </h2>
        <p>
          Practice and therapist outcomes (recovery, reliable improvement and deterioration with 95% intervals, funnel
          plots rather than league tables) and exports in CSV, XLSX, PDF and FHIR will appear here.
        </p>
      </section>
      <section className="panel" aria-labelledby="reports-caseloads">
        <h2 id="reports-caseloads" className="panel__title">
          Caseloads
        </h2>
        <ul className="link-list">
          <li>
            <Link to="/flags">Open flags across the practice</Link>
          </li>
        </ul>
        <p className="muted">
          A caseload for one therapist opens at <code>/caseload?therapist=&lt;id&gt;</code>.
        </p>
      </section>
    </div>
  );
}
