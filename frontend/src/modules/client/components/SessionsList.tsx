import { useState, type FormEvent } from 'react';
import { FormMessage } from '../../common/components/FormMessage';
import type { SessionStatus } from '../../common/graphql/types';
import { ALLIANCE_CONCERN_BELOW, SESSION_STATUS_LABEL } from '../../common/lib/clinicalWording';
import { formatDateTime } from '../../common/lib/format';
import { RECORD_ATTENDANCE_MUTATION, type TherapySession } from '../graphql/client';
import { useClientMutation } from '../hooks/useClientMutation';

const OUTCOMES: readonly SessionStatus[] = ['ATTENDED', 'NO_SHOW', 'CANCELLED'];

/** Sessions, newest first, with attendance to record for those still marked scheduled. */
export function SessionsList({ sessions }: { sessions: readonly TherapySession[] }) {
  const ordered = [...sessions].sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
  // The row's form is replaced by the new status once recorded, so the confirmation lives here.
  const [announcement, setAnnouncement] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="sessions-heading" data-testid="sessions-list">
      <h2 id="sessions-heading" className="panel__title">
        Sessions <span className="count">{sessions.length}</span>
      </h2>
      <FormMessage success={announcement} />
      {ordered.length === 0 ? (
        <p className="muted">No sessions yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="sessions-heading">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">When</th>
                <th scope="col">Length</th>
                <th scope="col">Attendance</th>
                <th scope="col">Alliance</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((session) => (
                <tr key={session.id} data-testid="session-row" data-status={session.status}>
                  <td>{session.number}</td>
                  <td>{formatDateTime(session.scheduledAt)}</td>
                  <td>{session.durationMinutes} min</td>
                  <td>
                    {session.status === 'SCHEDULED' ? (
                      <AttendanceForm session={session} onRecorded={setAnnouncement} />
                    ) : (
                      <span className={`status status--${session.status.toLowerCase()}`}>
                        {SESSION_STATUS_LABEL[session.status]}
                      </span>
                    )}
                  </td>
                  <td>
                    {session.alliance ? (
                      <span className={session.alliance.total < ALLIANCE_CONCERN_BELOW ? 'metric--concern' : undefined}>
                        {session.alliance.total}/40
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AttendanceForm({ session, onRecorded }: { session: TherapySession; onRecorded: (message: string) => void }) {
  // A session still in the future can only be cancelled; attendance is recorded from its start.
  const inFuture = new Date(session.scheduledAt).getTime() > Date.now();
  const [status, setStatus] = useState<SessionStatus>('ATTENDED');
  const { run, loading, error } = useClientMutation(RECORD_ATTENDANCE_MUTATION);
  const selectId = `attendance-${session.id}`;
  async function record(outcome: SessionStatus) {
    const message = `Session ${session.number} marked ${SESSION_STATUS_LABEL[outcome].toLowerCase()}.`;
    const result = await run({ sessionId: session.id, status: outcome }, message);
    if (result) onRecorded(message);
  }
  if (inFuture) {
    return (
      <div className="inline-form">
        <span className="status">Scheduled</span>
        <button
          type="button"
          className="button button--small"
          disabled={loading}
          onClick={() => void record('CANCELLED')}
        >
          Cancel<span className="visually-hidden"> session {session.number}</span>
        </button>
        <FormMessage error={error?.message} />
      </div>
    );
  }
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void record(status);
  }
  return (
    <form className="inline-form" onSubmit={handleSubmit}>
      <label htmlFor={selectId} className="visually-hidden">
        Attendance for session {session.number}
      </label>
      <select id={selectId} value={status} onChange={(event) => setStatus(event.target.value as SessionStatus)}>
        {OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {SESSION_STATUS_LABEL[outcome]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small" disabled={loading}>
        Record<span className="visually-hidden"> attendance for session {session.number}</span>
      </button>
      <FormMessage error={error?.message} />
    </form>
  );
}
