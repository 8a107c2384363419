import type { HomeworkAssignment } from '../../common/graphql/types';
import { HOMEWORK_FREQUENCY_LABEL, HOMEWORK_STATUS_LABEL } from '../../common/lib/clinicalWording';
import { formatLocalDate } from '../../common/lib/format';

/** Assignments, newest first, each with its latest reports. */
export function HomeworkPanel({ homework }: { homework: readonly HomeworkAssignment[] }) {
  const ordered = [...homework].sort((a, b) => b.assignedOn.localeCompare(a.assignedOn));
  return (
    <section className="panel" aria-labelledby="homework-list-heading" data-testid="homework-list">
      <h2 id="homework-list-heading" className="panel__title">
        Homework <span className="count">{homework.length}</span>
      </h2>
      {ordered.length === 0 ? (
        <p className="muted">No homework assigned.</p>
      ) : (
        <ul className="item-list">
          {ordered.map((assignment) => {
            const reports = [...assignment.reports].sort((a, b) => b.localDate.localeCompare(a.localDate));
            return (
              <li key={assignment.id} className="item">
                <div className="item__head">
                  <strong>{assignment.title}</strong>
                  <span className="muted">
                    {HOMEWORK_FREQUENCY_LABEL[assignment.frequency]} · from {formatLocalDate(assignment.assignedOn)}
                    {assignment.dueOn && <> · due {formatLocalDate(assignment.dueOn)}</>}
                  </span>
                </div>
                {assignment.instructions && <p className="item__body">{assignment.instructions}</p>}
                {reports.length === 0 ? (
                  <p className="muted">No reports yet.</p>
                ) : (
                  <ul className="report-list" aria-label={`Reports for ${assignment.title}`}>
                    {reports.slice(0, 7).map((report) => (
                      <li key={report.id} className={`report report--${report.status.toLowerCase()}`}>
                        <span>{formatLocalDate(report.localDate)}</span>
                        <span className="report__status">{HOMEWORK_STATUS_LABEL[report.status]}</span>
                        {report.effort !== null && <span>effort {report.effort}/10</span>}
                        {report.helpfulness !== null && <span>helpful {report.helpfulness}/10</span>}
                        {report.note && <span className="report__note">“{report.note}”</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
