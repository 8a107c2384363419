import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { CrisisPanel } from '../../common/components/CrisisPanel';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import type { CrisisResources } from '../../common/graphql/types';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { formatLocalDateLong } from '../../common/lib/format';
import { PORTAL_QUERY } from '../graphql/portal';
import { GoalRatings } from './GoalRatings';
import { HomeworkChecklist } from './HomeworkChecklist';
import { MoodCheckIn } from './MoodCheckIn';
import { PendingQuestionnaires } from './PendingQuestionnaires';
import { ProgressSummary } from './ProgressSummary';
import './portal.css';

/** The client's own page: check in, report homework, fill in what is asked, see progress. */
export function PortalPage() {
  useDocumentTitle('My check-in');
  const { data, loading, error, refetch } = useQuery(PORTAL_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const [crisis, setCrisis] = useState<CrisisResources | null>(null);
  const portal = data?.portal;

  if (loading && !portal) return <LoadingState />;
  if (error && !portal) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!portal) return null;

  return (
    <div className="portal">
      {crisis && <CrisisPanel crisis={crisis} />}
      <header className="portal__header">
        <h1>Hello</h1>
        <p className="muted">{formatLocalDateLong(portal.today)}</p>
      </header>
      <MoodCheckIn todayMood={portal.todayMood} onCrisis={setCrisis} />
      <HomeworkChecklist homework={portal.homework} today={portal.today} />
      <PendingQuestionnaires codes={portal.pendingQuestionnaires} onCrisis={setCrisis} />
      <GoalRatings goals={portal.goals} />
      <ProgressSummary
        phq9={portal.phq9}
        gad7={portal.gad7}
        moods={portal.moods}
        alliance={portal.alliance}
        today={portal.today}
      />
      <p className="portal__footer">
        Cairn is not watched around the clock. If you are in immediate danger, call your local emergency number.
      </p>
    </div>
  );
}
