/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AcceptInvitation($input: ChoosePasswordInput!) {\n    acceptInvitation(input: $input) {\n      ...MeFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ChoosePasswordInput!) {\n    resetPassword(input: $input) {\n      ...MeFields\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  fragment MeFields on Me {\n    id\n    email\n    displayName\n    role\n    practiceId\n    practiceName\n    clientId\n  }\n": typeof types.MeFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...MeFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Caseload($therapistId: ID) {\n    caseload(therapistId: $therapistId) {\n      clientId\n      code\n      displayName\n      status\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      trajectorySignal\n      alliance {\n        latest\n        latestAt\n        previousMean\n        trend\n      }\n      homeworkAdherence28\n      mood {\n        mean7\n        mean28\n        slope28\n        rmssd28\n        adherence28\n        points {\n          date\n          rating\n        }\n      }\n      openFlags {\n        ...FlagFields\n      }\n      dataProblem\n      priority\n      lastActivityAt\n    }\n  }\n": typeof types.CaseloadDocument,
    "\n  fragment TherapySessionFields on TherapySession {\n    id\n    scheduledAt\n    durationMinutes\n    number\n    status\n    alliance {\n      ...MeasureResponseFields\n    }\n  }\n": typeof types.TherapySessionFieldsFragmentDoc,
    "\n  fragment EpisodeFields on Episode {\n    id\n    startedOn\n    endedOn\n    endReason\n  }\n": typeof types.EpisodeFieldsFragmentDoc,
    "\n  fragment ExpectedBandFields on ExpectedBand {\n    sessionNumber\n    expected\n    lower\n    upper\n  }\n": typeof types.ExpectedBandFieldsFragmentDoc,
    "\n  query ClientTimeline($id: ID!) {\n    client(id: $id) {\n      id\n      code\n      displayName\n      timezone\n      status\n      therapistName\n      shareAllianceWithClient\n      episode {\n        ...EpisodeFields\n      }\n      episodes {\n        ...EpisodeFields\n      }\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      expectedPhq9 {\n        ...ExpectedBandFields\n      }\n      expectedGad7 {\n        ...ExpectedBandFields\n      }\n      trajectorySignal\n      measures {\n        ...MeasureResponseFields\n      }\n      alliance {\n        ...MeasureResponseFields\n      }\n      moods {\n        ...MoodEntryFields\n      }\n      homework {\n        ...HomeworkAssignmentFields\n      }\n      weeklyHomeworkAdherence {\n        weekStart\n        adherence\n      }\n      goals {\n        ...GoalFields\n      }\n      sessions {\n        ...TherapySessionFields\n      }\n      flags {\n        ...FlagFields\n      }\n    }\n  }\n": typeof types.ClientTimelineDocument,
    "\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) {\n      ...TherapySessionFields\n    }\n  }\n": typeof types.ScheduleSessionDocument,
    "\n  mutation RecordAttendance($input: RecordAttendanceInput!) {\n    recordAttendance(input: $input) {\n      ...TherapySessionFields\n    }\n  }\n": typeof types.RecordAttendanceDocument,
    "\n  mutation AssignHomework($input: AssignHomeworkInput!) {\n    assignHomework(input: $input) {\n      ...HomeworkAssignmentFields\n    }\n  }\n": typeof types.AssignHomeworkDocument,
    "\n  mutation SetGoal($input: SetGoalInput!) {\n    setGoal(input: $input) {\n      ...GoalFields\n    }\n  }\n": typeof types.SetGoalDocument,
    "\n  mutation CreateRatingLink($sessionId: ID!) {\n    createRatingLink(sessionId: $sessionId) {\n      url\n      expiresAt\n    }\n  }\n": typeof types.CreateRatingLinkDocument,
    "\n  query NewClientOptions {\n    timeZones\n    practiceSettings {\n      defaultTimeZone\n    }\n  }\n": typeof types.NewClientOptionsDocument,
    "\n  query TherapistChoices {\n    therapists {\n      id\n      displayName\n    }\n  }\n": typeof types.TherapistChoicesDocument,
    "\n  mutation CreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      id\n      code\n    }\n  }\n": typeof types.CreateClientDocument,
    "\n  mutation UpdateClient($input: UpdateClientInput!) {\n    updateClient(input: $input) {\n      id\n      displayName\n      timezone\n      status\n    }\n  }\n": typeof types.UpdateClientDocument,
    "\n  mutation StartEpisode($input: StartEpisodeInput!) {\n    startEpisode(input: $input) {\n      id\n      startedOn\n    }\n  }\n": typeof types.StartEpisodeDocument,
    "\n  mutation EndEpisode($input: EndEpisodeInput!) {\n    endEpisode(input: $input) {\n      id\n      endedOn\n    }\n  }\n": typeof types.EndEpisodeDocument,
    "\n  fragment PortalAccessFields on PortalAccess {\n    clientId\n    status\n    contactEmail\n    invitationExpiresAt\n  }\n": typeof types.PortalAccessFieldsFragmentDoc,
    "\n  query PortalAccess($clientId: ID!) {\n    portalAccess(clientId: $clientId) {\n      ...PortalAccessFields\n    }\n  }\n": typeof types.PortalAccessDocument,
    "\n  mutation SetClientContact($input: SetClientContactInput!) {\n    setClientContact(input: $input) {\n      ...PortalAccessFields\n    }\n  }\n": typeof types.SetClientContactDocument,
    "\n  mutation InviteClient($input: InviteClientInput!) {\n    inviteClient(input: $input) {\n      ...PortalAccessFields\n    }\n  }\n": typeof types.InviteClientDocument,
    "\n  mutation RevokePortalAccess($clientId: ID!) {\n    revokePortalAccess(clientId: $clientId) {\n      ...PortalAccessFields\n    }\n  }\n": typeof types.RevokePortalAccessDocument,
    "\n  mutation TransferClient($input: TransferClientInput!) {\n    transferClient(input: $input) {\n      clientId\n      therapistId\n    }\n  }\n": typeof types.TransferClientDocument,
    "\n  fragment ScoreSummaryFields on ScoreSummary {\n    instrumentCode\n    baseline\n    latest\n    latestAt\n    change\n    changeClass\n    band\n    isCase\n    points {\n      at\n      sessionNumber\n      total\n    }\n  }\n": typeof types.ScoreSummaryFieldsFragmentDoc,
    "\n  fragment MeasureResponseFields on MeasureResponse {\n    id\n    instrumentCode\n    answers\n    total\n    band\n    submittedAt\n    sessionId\n    sessionNumber\n    comment\n    helpNow\n  }\n": typeof types.MeasureResponseFieldsFragmentDoc,
    "\n  fragment MoodEntryFields on MoodEntry {\n    id\n    localDate\n    rating\n    note\n    helpNow\n  }\n": typeof types.MoodEntryFieldsFragmentDoc,
    "\n  fragment HomeworkAssignmentFields on HomeworkAssignment {\n    id\n    title\n    instructions\n    frequency\n    assignedOn\n    dueOn\n    reports {\n      id\n      assignmentId\n      localDate\n      status\n      effort\n      helpfulness\n      note\n    }\n  }\n": typeof types.HomeworkAssignmentFieldsFragmentDoc,
    "\n  fragment GoalFields on Goal {\n    id\n    title\n    status\n    ratings {\n      id\n      rating\n      ratedAt\n    }\n  }\n": typeof types.GoalFieldsFragmentDoc,
    "\n  fragment CrisisFields on CrisisResources {\n    message\n    lines {\n      name\n      phone\n      text\n      url\n      description\n    }\n  }\n": typeof types.CrisisFieldsFragmentDoc,
    "\n  fragment FlagFields on Flag {\n    id\n    clientId\n    clientCode\n    kind\n    severity\n    status\n    description\n    evidence\n    ruleVersion\n    openedAt\n    acknowledgedAt\n    acknowledgedByName\n    acknowledgeNote\n    resolvedAt\n    resolvedByName\n    resolveNote\n    clearedAt\n    clearReason\n    repaired\n    repairObserved\n  }\n": typeof types.FlagFieldsFragmentDoc,
    "\n  query Flags($status: FlagStatus) {\n    flags(status: $status) {\n      ...FlagFields\n    }\n  }\n": typeof types.FlagsDocument,
    "\n  mutation AcknowledgeFlag($id: ID!, $note: String!) {\n    acknowledgeFlag(id: $id, note: $note) {\n      ...FlagFields\n    }\n  }\n": typeof types.AcknowledgeFlagDocument,
    "\n  mutation ResolveFlag($id: ID!, $note: String!) {\n    resolveFlag(id: $id, note: $note) {\n      ...FlagFields\n    }\n  }\n": typeof types.ResolveFlagDocument,
    "\n  query Portal {\n    portal {\n      clientId\n      code\n      timezone\n      today\n      todayMood {\n        ...MoodEntryFields\n      }\n      pendingQuestionnaires\n      homework {\n        ...HomeworkAssignmentFields\n      }\n      goals {\n        ...GoalFields\n      }\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      alliance {\n        ...MeasureResponseFields\n      }\n      moods {\n        ...MoodEntryFields\n      }\n    }\n  }\n": typeof types.PortalDocument,
    "\n  query Instruments {\n    instruments {\n      code\n      version\n      title\n      prompt\n      options {\n        value\n        label\n      }\n      items {\n        id\n        text\n        min\n        max\n        minLabel\n        maxLabel\n      }\n    }\n  }\n": typeof types.InstrumentsDocument,
    "\n  mutation LogMood($input: LogMoodInput!) {\n    logMood(input: $input) {\n      entry {\n        ...MoodEntryFields\n      }\n      replacedPrevious\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n": typeof types.LogMoodDocument,
    "\n  mutation ReportHomework($input: ReportHomeworkInput!) {\n    reportHomework(input: $input) {\n      id\n      assignmentId\n      localDate\n      status\n      effort\n      helpfulness\n      note\n    }\n  }\n": typeof types.ReportHomeworkDocument,
    "\n  mutation SubmitQuestionnaire($input: SubmitQuestionnaireInput!) {\n    submitQuestionnaire(input: $input) {\n      response {\n        ...MeasureResponseFields\n      }\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n": typeof types.SubmitQuestionnaireDocument,
    "\n  mutation RateGoal($input: RateGoalInput!) {\n    rateGoal(input: $input) {\n      id\n      rating\n      ratedAt\n    }\n  }\n": typeof types.RateGoalDocument,
    "\n  query RatingLink($token: String!) {\n    ratingLink(token: $token) {\n      therapistFirstName\n      sessionDate\n      expiresAt\n    }\n  }\n": typeof types.RatingLinkDocument,
    "\n  mutation SubmitAllianceRating($input: SubmitAllianceRatingInput!) {\n    submitAllianceRating(input: $input) {\n      response {\n        id\n        total\n        submittedAt\n      }\n      notRecordedReason\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n": typeof types.SubmitAllianceRatingDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) {\n      id\n      format\n      dataset\n      from\n      to\n      identifiable\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.CreateExportDocument,
    "\n  query ExportProgress($id: ID!) {\n    exportProgress(id: $id) {\n      id\n      status\n      rowsWritten\n    }\n  }\n": typeof types.ExportProgressDocument,
    "\n  fragment RateFields on Rate {\n    numerator\n    denominator\n    rate\n    lower\n    upper\n  }\n": typeof types.RateFieldsFragmentDoc,
    "\n  fragment OutcomeFiguresFields on OutcomeFigures {\n    referrals\n    episodesEnded\n    finishedCourses\n    finishedEpisodes\n    atCaseness\n    instrument\n    changeEpisodes\n    allianceRatings\n    homeworkEpisodes\n    recovery {\n      ...RateFields\n    }\n    reliableImprovement {\n      ...RateFields\n    }\n    reliableRecovery {\n      ...RateFields\n    }\n    reliableDeterioration {\n      ...RateFields\n    }\n    phq9Response {\n      ...RateFields\n    }\n    phq9Remission {\n      ...RateFields\n    }\n    dataCompleteness {\n      ...RateFields\n    }\n    allianceRated {\n      ...RateFields\n    }\n    meanChange\n    effectSize\n    meanAttendedSessions\n    allianceMean\n    homeworkAdherence\n    moodAdherence\n  }\n": typeof types.OutcomeFiguresFieldsFragmentDoc,
    "\n  query PracticeReport($input: PracticeReportInput!) {\n    practiceReport(input: $input) {\n      from\n      to\n      practice {\n        ...OutcomeFiguresFields\n      }\n      therapists {\n        therapistId\n        therapistName\n        insufficientData\n        figures {\n          ...OutcomeFiguresFields\n        }\n      }\n      funnel {\n        practiceRate\n        points {\n          therapistId\n          n\n          rate\n        }\n        limits {\n          n\n          lower95\n          upper95\n          lower998\n          upper998\n        }\n      }\n    }\n  }\n": typeof types.PracticeReportDocument,
    "\n  fragment PracticeSettingsFields on PracticeSettings {\n    name\n    defaultTimeZone\n    crisisRegion\n    flagThresholds {\n      key\n      value\n      defaultValue\n    }\n  }\n": typeof types.PracticeSettingsFieldsFragmentDoc,
    "\n  query PracticeSettingsPage {\n    practiceSettings {\n      ...PracticeSettingsFields\n    }\n    timeZones\n  }\n": typeof types.PracticeSettingsPageDocument,
    "\n  mutation UpdatePracticeSettings($input: UpdatePracticeSettingsInput!) {\n    updatePracticeSettings(input: $input) {\n      ...PracticeSettingsFields\n    }\n  }\n": typeof types.UpdatePracticeSettingsDocument,
    "\n  fragment StaffMemberFields on StaffMember {\n    id\n    email\n    displayName\n    role\n    status\n    invitationExpiresAt\n    activeClients\n  }\n": typeof types.StaffMemberFieldsFragmentDoc,
    "\n  query Staff {\n    staff {\n      ...StaffMemberFields\n    }\n  }\n": typeof types.StaffDocument,
    "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      ...StaffMemberFields\n    }\n  }\n": typeof types.InviteStaffDocument,
    "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...StaffMemberFields\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId) {\n      ...StaffMemberFields\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      ...StaffMemberFields\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  query OutboxFailures {\n    outboxFailures(take: 50) {\n      id\n      kind\n      recipientHint\n      reason\n      attempts\n      createdAt\n      failedAt\n    }\n  }\n": typeof types.OutboxFailuresDocument,
    "\n  query Therapists {\n    therapists {\n      id\n      displayName\n      activeClients\n      flaggedClients\n    }\n  }\n": typeof types.TherapistsDocument,
};
const documents: Documents = {
    "\n  mutation AcceptInvitation($input: ChoosePasswordInput!) {\n    acceptInvitation(input: $input) {\n      ...MeFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ChoosePasswordInput!) {\n    resetPassword(input: $input) {\n      ...MeFields\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  fragment MeFields on Me {\n    id\n    email\n    displayName\n    role\n    practiceId\n    practiceName\n    clientId\n  }\n": types.MeFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...MeFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Caseload($therapistId: ID) {\n    caseload(therapistId: $therapistId) {\n      clientId\n      code\n      displayName\n      status\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      trajectorySignal\n      alliance {\n        latest\n        latestAt\n        previousMean\n        trend\n      }\n      homeworkAdherence28\n      mood {\n        mean7\n        mean28\n        slope28\n        rmssd28\n        adherence28\n        points {\n          date\n          rating\n        }\n      }\n      openFlags {\n        ...FlagFields\n      }\n      dataProblem\n      priority\n      lastActivityAt\n    }\n  }\n": types.CaseloadDocument,
    "\n  fragment TherapySessionFields on TherapySession {\n    id\n    scheduledAt\n    durationMinutes\n    number\n    status\n    alliance {\n      ...MeasureResponseFields\n    }\n  }\n": types.TherapySessionFieldsFragmentDoc,
    "\n  fragment EpisodeFields on Episode {\n    id\n    startedOn\n    endedOn\n    endReason\n  }\n": types.EpisodeFieldsFragmentDoc,
    "\n  fragment ExpectedBandFields on ExpectedBand {\n    sessionNumber\n    expected\n    lower\n    upper\n  }\n": types.ExpectedBandFieldsFragmentDoc,
    "\n  query ClientTimeline($id: ID!) {\n    client(id: $id) {\n      id\n      code\n      displayName\n      timezone\n      status\n      therapistName\n      shareAllianceWithClient\n      episode {\n        ...EpisodeFields\n      }\n      episodes {\n        ...EpisodeFields\n      }\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      expectedPhq9 {\n        ...ExpectedBandFields\n      }\n      expectedGad7 {\n        ...ExpectedBandFields\n      }\n      trajectorySignal\n      measures {\n        ...MeasureResponseFields\n      }\n      alliance {\n        ...MeasureResponseFields\n      }\n      moods {\n        ...MoodEntryFields\n      }\n      homework {\n        ...HomeworkAssignmentFields\n      }\n      weeklyHomeworkAdherence {\n        weekStart\n        adherence\n      }\n      goals {\n        ...GoalFields\n      }\n      sessions {\n        ...TherapySessionFields\n      }\n      flags {\n        ...FlagFields\n      }\n    }\n  }\n": types.ClientTimelineDocument,
    "\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) {\n      ...TherapySessionFields\n    }\n  }\n": types.ScheduleSessionDocument,
    "\n  mutation RecordAttendance($input: RecordAttendanceInput!) {\n    recordAttendance(input: $input) {\n      ...TherapySessionFields\n    }\n  }\n": types.RecordAttendanceDocument,
    "\n  mutation AssignHomework($input: AssignHomeworkInput!) {\n    assignHomework(input: $input) {\n      ...HomeworkAssignmentFields\n    }\n  }\n": types.AssignHomeworkDocument,
    "\n  mutation SetGoal($input: SetGoalInput!) {\n    setGoal(input: $input) {\n      ...GoalFields\n    }\n  }\n": types.SetGoalDocument,
    "\n  mutation CreateRatingLink($sessionId: ID!) {\n    createRatingLink(sessionId: $sessionId) {\n      url\n      expiresAt\n    }\n  }\n": types.CreateRatingLinkDocument,
    "\n  query NewClientOptions {\n    timeZones\n    practiceSettings {\n      defaultTimeZone\n    }\n  }\n": types.NewClientOptionsDocument,
    "\n  query TherapistChoices {\n    therapists {\n      id\n      displayName\n    }\n  }\n": types.TherapistChoicesDocument,
    "\n  mutation CreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      id\n      code\n    }\n  }\n": types.CreateClientDocument,
    "\n  mutation UpdateClient($input: UpdateClientInput!) {\n    updateClient(input: $input) {\n      id\n      displayName\n      timezone\n      status\n    }\n  }\n": types.UpdateClientDocument,
    "\n  mutation StartEpisode($input: StartEpisodeInput!) {\n    startEpisode(input: $input) {\n      id\n      startedOn\n    }\n  }\n": types.StartEpisodeDocument,
    "\n  mutation EndEpisode($input: EndEpisodeInput!) {\n    endEpisode(input: $input) {\n      id\n      endedOn\n    }\n  }\n": types.EndEpisodeDocument,
    "\n  fragment PortalAccessFields on PortalAccess {\n    clientId\n    status\n    contactEmail\n    invitationExpiresAt\n  }\n": types.PortalAccessFieldsFragmentDoc,
    "\n  query PortalAccess($clientId: ID!) {\n    portalAccess(clientId: $clientId) {\n      ...PortalAccessFields\n    }\n  }\n": types.PortalAccessDocument,
    "\n  mutation SetClientContact($input: SetClientContactInput!) {\n    setClientContact(input: $input) {\n      ...PortalAccessFields\n    }\n  }\n": types.SetClientContactDocument,
    "\n  mutation InviteClient($input: InviteClientInput!) {\n    inviteClient(input: $input) {\n      ...PortalAccessFields\n    }\n  }\n": types.InviteClientDocument,
    "\n  mutation RevokePortalAccess($clientId: ID!) {\n    revokePortalAccess(clientId: $clientId) {\n      ...PortalAccessFields\n    }\n  }\n": types.RevokePortalAccessDocument,
    "\n  mutation TransferClient($input: TransferClientInput!) {\n    transferClient(input: $input) {\n      clientId\n      therapistId\n    }\n  }\n": types.TransferClientDocument,
    "\n  fragment ScoreSummaryFields on ScoreSummary {\n    instrumentCode\n    baseline\n    latest\n    latestAt\n    change\n    changeClass\n    band\n    isCase\n    points {\n      at\n      sessionNumber\n      total\n    }\n  }\n": types.ScoreSummaryFieldsFragmentDoc,
    "\n  fragment MeasureResponseFields on MeasureResponse {\n    id\n    instrumentCode\n    answers\n    total\n    band\n    submittedAt\n    sessionId\n    sessionNumber\n    comment\n    helpNow\n  }\n": types.MeasureResponseFieldsFragmentDoc,
    "\n  fragment MoodEntryFields on MoodEntry {\n    id\n    localDate\n    rating\n    note\n    helpNow\n  }\n": types.MoodEntryFieldsFragmentDoc,
    "\n  fragment HomeworkAssignmentFields on HomeworkAssignment {\n    id\n    title\n    instructions\n    frequency\n    assignedOn\n    dueOn\n    reports {\n      id\n      assignmentId\n      localDate\n      status\n      effort\n      helpfulness\n      note\n    }\n  }\n": types.HomeworkAssignmentFieldsFragmentDoc,
    "\n  fragment GoalFields on Goal {\n    id\n    title\n    status\n    ratings {\n      id\n      rating\n      ratedAt\n    }\n  }\n": types.GoalFieldsFragmentDoc,
    "\n  fragment CrisisFields on CrisisResources {\n    message\n    lines {\n      name\n      phone\n      text\n      url\n      description\n    }\n  }\n": types.CrisisFieldsFragmentDoc,
    "\n  fragment FlagFields on Flag {\n    id\n    clientId\n    clientCode\n    kind\n    severity\n    status\n    description\n    evidence\n    ruleVersion\n    openedAt\n    acknowledgedAt\n    acknowledgedByName\n    acknowledgeNote\n    resolvedAt\n    resolvedByName\n    resolveNote\n    clearedAt\n    clearReason\n    repaired\n    repairObserved\n  }\n": types.FlagFieldsFragmentDoc,
    "\n  query Flags($status: FlagStatus) {\n    flags(status: $status) {\n      ...FlagFields\n    }\n  }\n": types.FlagsDocument,
    "\n  mutation AcknowledgeFlag($id: ID!, $note: String!) {\n    acknowledgeFlag(id: $id, note: $note) {\n      ...FlagFields\n    }\n  }\n": types.AcknowledgeFlagDocument,
    "\n  mutation ResolveFlag($id: ID!, $note: String!) {\n    resolveFlag(id: $id, note: $note) {\n      ...FlagFields\n    }\n  }\n": types.ResolveFlagDocument,
    "\n  query Portal {\n    portal {\n      clientId\n      code\n      timezone\n      today\n      todayMood {\n        ...MoodEntryFields\n      }\n      pendingQuestionnaires\n      homework {\n        ...HomeworkAssignmentFields\n      }\n      goals {\n        ...GoalFields\n      }\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      alliance {\n        ...MeasureResponseFields\n      }\n      moods {\n        ...MoodEntryFields\n      }\n    }\n  }\n": types.PortalDocument,
    "\n  query Instruments {\n    instruments {\n      code\n      version\n      title\n      prompt\n      options {\n        value\n        label\n      }\n      items {\n        id\n        text\n        min\n        max\n        minLabel\n        maxLabel\n      }\n    }\n  }\n": types.InstrumentsDocument,
    "\n  mutation LogMood($input: LogMoodInput!) {\n    logMood(input: $input) {\n      entry {\n        ...MoodEntryFields\n      }\n      replacedPrevious\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n": types.LogMoodDocument,
    "\n  mutation ReportHomework($input: ReportHomeworkInput!) {\n    reportHomework(input: $input) {\n      id\n      assignmentId\n      localDate\n      status\n      effort\n      helpfulness\n      note\n    }\n  }\n": types.ReportHomeworkDocument,
    "\n  mutation SubmitQuestionnaire($input: SubmitQuestionnaireInput!) {\n    submitQuestionnaire(input: $input) {\n      response {\n        ...MeasureResponseFields\n      }\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n": types.SubmitQuestionnaireDocument,
    "\n  mutation RateGoal($input: RateGoalInput!) {\n    rateGoal(input: $input) {\n      id\n      rating\n      ratedAt\n    }\n  }\n": types.RateGoalDocument,
    "\n  query RatingLink($token: String!) {\n    ratingLink(token: $token) {\n      therapistFirstName\n      sessionDate\n      expiresAt\n    }\n  }\n": types.RatingLinkDocument,
    "\n  mutation SubmitAllianceRating($input: SubmitAllianceRatingInput!) {\n    submitAllianceRating(input: $input) {\n      response {\n        id\n        total\n        submittedAt\n      }\n      notRecordedReason\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n": types.SubmitAllianceRatingDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) {\n      id\n      format\n      dataset\n      from\n      to\n      identifiable\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": types.CreateExportDocument,
    "\n  query ExportProgress($id: ID!) {\n    exportProgress(id: $id) {\n      id\n      status\n      rowsWritten\n    }\n  }\n": types.ExportProgressDocument,
    "\n  fragment RateFields on Rate {\n    numerator\n    denominator\n    rate\n    lower\n    upper\n  }\n": types.RateFieldsFragmentDoc,
    "\n  fragment OutcomeFiguresFields on OutcomeFigures {\n    referrals\n    episodesEnded\n    finishedCourses\n    finishedEpisodes\n    atCaseness\n    instrument\n    changeEpisodes\n    allianceRatings\n    homeworkEpisodes\n    recovery {\n      ...RateFields\n    }\n    reliableImprovement {\n      ...RateFields\n    }\n    reliableRecovery {\n      ...RateFields\n    }\n    reliableDeterioration {\n      ...RateFields\n    }\n    phq9Response {\n      ...RateFields\n    }\n    phq9Remission {\n      ...RateFields\n    }\n    dataCompleteness {\n      ...RateFields\n    }\n    allianceRated {\n      ...RateFields\n    }\n    meanChange\n    effectSize\n    meanAttendedSessions\n    allianceMean\n    homeworkAdherence\n    moodAdherence\n  }\n": types.OutcomeFiguresFieldsFragmentDoc,
    "\n  query PracticeReport($input: PracticeReportInput!) {\n    practiceReport(input: $input) {\n      from\n      to\n      practice {\n        ...OutcomeFiguresFields\n      }\n      therapists {\n        therapistId\n        therapistName\n        insufficientData\n        figures {\n          ...OutcomeFiguresFields\n        }\n      }\n      funnel {\n        practiceRate\n        points {\n          therapistId\n          n\n          rate\n        }\n        limits {\n          n\n          lower95\n          upper95\n          lower998\n          upper998\n        }\n      }\n    }\n  }\n": types.PracticeReportDocument,
    "\n  fragment PracticeSettingsFields on PracticeSettings {\n    name\n    defaultTimeZone\n    crisisRegion\n    flagThresholds {\n      key\n      value\n      defaultValue\n    }\n  }\n": types.PracticeSettingsFieldsFragmentDoc,
    "\n  query PracticeSettingsPage {\n    practiceSettings {\n      ...PracticeSettingsFields\n    }\n    timeZones\n  }\n": types.PracticeSettingsPageDocument,
    "\n  mutation UpdatePracticeSettings($input: UpdatePracticeSettingsInput!) {\n    updatePracticeSettings(input: $input) {\n      ...PracticeSettingsFields\n    }\n  }\n": types.UpdatePracticeSettingsDocument,
    "\n  fragment StaffMemberFields on StaffMember {\n    id\n    email\n    displayName\n    role\n    status\n    invitationExpiresAt\n    activeClients\n  }\n": types.StaffMemberFieldsFragmentDoc,
    "\n  query Staff {\n    staff {\n      ...StaffMemberFields\n    }\n  }\n": types.StaffDocument,
    "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      ...StaffMemberFields\n    }\n  }\n": types.InviteStaffDocument,
    "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...StaffMemberFields\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId) {\n      ...StaffMemberFields\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      ...StaffMemberFields\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  query OutboxFailures {\n    outboxFailures(take: 50) {\n      id\n      kind\n      recipientHint\n      reason\n      attempts\n      createdAt\n      failedAt\n    }\n  }\n": types.OutboxFailuresDocument,
    "\n  query Therapists {\n    therapists {\n      id\n      displayName\n      activeClients\n      flaggedClients\n    }\n  }\n": types.TherapistsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: ChoosePasswordInput!) {\n    acceptInvitation(input: $input) {\n      ...MeFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: ChoosePasswordInput!) {\n    acceptInvitation(input: $input) {\n      ...MeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ChoosePasswordInput!) {\n    resetPassword(input: $input) {\n      ...MeFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ChoosePasswordInput!) {\n    resetPassword(input: $input) {\n      ...MeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeFields on Me {\n    id\n    email\n    displayName\n    role\n    practiceId\n    practiceName\n    clientId\n  }\n"): (typeof documents)["\n  fragment MeFields on Me {\n    id\n    email\n    displayName\n    role\n    practiceId\n    practiceName\n    clientId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...MeFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...MeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Caseload($therapistId: ID) {\n    caseload(therapistId: $therapistId) {\n      clientId\n      code\n      displayName\n      status\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      trajectorySignal\n      alliance {\n        latest\n        latestAt\n        previousMean\n        trend\n      }\n      homeworkAdherence28\n      mood {\n        mean7\n        mean28\n        slope28\n        rmssd28\n        adherence28\n        points {\n          date\n          rating\n        }\n      }\n      openFlags {\n        ...FlagFields\n      }\n      dataProblem\n      priority\n      lastActivityAt\n    }\n  }\n"): (typeof documents)["\n  query Caseload($therapistId: ID) {\n    caseload(therapistId: $therapistId) {\n      clientId\n      code\n      displayName\n      status\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      trajectorySignal\n      alliance {\n        latest\n        latestAt\n        previousMean\n        trend\n      }\n      homeworkAdherence28\n      mood {\n        mean7\n        mean28\n        slope28\n        rmssd28\n        adherence28\n        points {\n          date\n          rating\n        }\n      }\n      openFlags {\n        ...FlagFields\n      }\n      dataProblem\n      priority\n      lastActivityAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TherapySessionFields on TherapySession {\n    id\n    scheduledAt\n    durationMinutes\n    number\n    status\n    alliance {\n      ...MeasureResponseFields\n    }\n  }\n"): (typeof documents)["\n  fragment TherapySessionFields on TherapySession {\n    id\n    scheduledAt\n    durationMinutes\n    number\n    status\n    alliance {\n      ...MeasureResponseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EpisodeFields on Episode {\n    id\n    startedOn\n    endedOn\n    endReason\n  }\n"): (typeof documents)["\n  fragment EpisodeFields on Episode {\n    id\n    startedOn\n    endedOn\n    endReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExpectedBandFields on ExpectedBand {\n    sessionNumber\n    expected\n    lower\n    upper\n  }\n"): (typeof documents)["\n  fragment ExpectedBandFields on ExpectedBand {\n    sessionNumber\n    expected\n    lower\n    upper\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientTimeline($id: ID!) {\n    client(id: $id) {\n      id\n      code\n      displayName\n      timezone\n      status\n      therapistName\n      shareAllianceWithClient\n      episode {\n        ...EpisodeFields\n      }\n      episodes {\n        ...EpisodeFields\n      }\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      expectedPhq9 {\n        ...ExpectedBandFields\n      }\n      expectedGad7 {\n        ...ExpectedBandFields\n      }\n      trajectorySignal\n      measures {\n        ...MeasureResponseFields\n      }\n      alliance {\n        ...MeasureResponseFields\n      }\n      moods {\n        ...MoodEntryFields\n      }\n      homework {\n        ...HomeworkAssignmentFields\n      }\n      weeklyHomeworkAdherence {\n        weekStart\n        adherence\n      }\n      goals {\n        ...GoalFields\n      }\n      sessions {\n        ...TherapySessionFields\n      }\n      flags {\n        ...FlagFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientTimeline($id: ID!) {\n    client(id: $id) {\n      id\n      code\n      displayName\n      timezone\n      status\n      therapistName\n      shareAllianceWithClient\n      episode {\n        ...EpisodeFields\n      }\n      episodes {\n        ...EpisodeFields\n      }\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      expectedPhq9 {\n        ...ExpectedBandFields\n      }\n      expectedGad7 {\n        ...ExpectedBandFields\n      }\n      trajectorySignal\n      measures {\n        ...MeasureResponseFields\n      }\n      alliance {\n        ...MeasureResponseFields\n      }\n      moods {\n        ...MoodEntryFields\n      }\n      homework {\n        ...HomeworkAssignmentFields\n      }\n      weeklyHomeworkAdherence {\n        weekStart\n        adherence\n      }\n      goals {\n        ...GoalFields\n      }\n      sessions {\n        ...TherapySessionFields\n      }\n      flags {\n        ...FlagFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) {\n      ...TherapySessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleSession($input: ScheduleSessionInput!) {\n    scheduleSession(input: $input) {\n      ...TherapySessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttendance($input: RecordAttendanceInput!) {\n    recordAttendance(input: $input) {\n      ...TherapySessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAttendance($input: RecordAttendanceInput!) {\n    recordAttendance(input: $input) {\n      ...TherapySessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignHomework($input: AssignHomeworkInput!) {\n    assignHomework(input: $input) {\n      ...HomeworkAssignmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignHomework($input: AssignHomeworkInput!) {\n    assignHomework(input: $input) {\n      ...HomeworkAssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGoal($input: SetGoalInput!) {\n    setGoal(input: $input) {\n      ...GoalFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetGoal($input: SetGoalInput!) {\n    setGoal(input: $input) {\n      ...GoalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRatingLink($sessionId: ID!) {\n    createRatingLink(sessionId: $sessionId) {\n      url\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRatingLink($sessionId: ID!) {\n    createRatingLink(sessionId: $sessionId) {\n      url\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewClientOptions {\n    timeZones\n    practiceSettings {\n      defaultTimeZone\n    }\n  }\n"): (typeof documents)["\n  query NewClientOptions {\n    timeZones\n    practiceSettings {\n      defaultTimeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TherapistChoices {\n    therapists {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query TherapistChoices {\n    therapists {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      id\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation CreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      id\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateClient($input: UpdateClientInput!) {\n    updateClient(input: $input) {\n      id\n      displayName\n      timezone\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClient($input: UpdateClientInput!) {\n    updateClient(input: $input) {\n      id\n      displayName\n      timezone\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartEpisode($input: StartEpisodeInput!) {\n    startEpisode(input: $input) {\n      id\n      startedOn\n    }\n  }\n"): (typeof documents)["\n  mutation StartEpisode($input: StartEpisodeInput!) {\n    startEpisode(input: $input) {\n      id\n      startedOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndEpisode($input: EndEpisodeInput!) {\n    endEpisode(input: $input) {\n      id\n      endedOn\n    }\n  }\n"): (typeof documents)["\n  mutation EndEpisode($input: EndEpisodeInput!) {\n    endEpisode(input: $input) {\n      id\n      endedOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalAccessFields on PortalAccess {\n    clientId\n    status\n    contactEmail\n    invitationExpiresAt\n  }\n"): (typeof documents)["\n  fragment PortalAccessFields on PortalAccess {\n    clientId\n    status\n    contactEmail\n    invitationExpiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalAccess($clientId: ID!) {\n    portalAccess(clientId: $clientId) {\n      ...PortalAccessFields\n    }\n  }\n"): (typeof documents)["\n  query PortalAccess($clientId: ID!) {\n    portalAccess(clientId: $clientId) {\n      ...PortalAccessFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetClientContact($input: SetClientContactInput!) {\n    setClientContact(input: $input) {\n      ...PortalAccessFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetClientContact($input: SetClientContactInput!) {\n    setClientContact(input: $input) {\n      ...PortalAccessFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteClient($input: InviteClientInput!) {\n    inviteClient(input: $input) {\n      ...PortalAccessFields\n    }\n  }\n"): (typeof documents)["\n  mutation InviteClient($input: InviteClientInput!) {\n    inviteClient(input: $input) {\n      ...PortalAccessFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePortalAccess($clientId: ID!) {\n    revokePortalAccess(clientId: $clientId) {\n      ...PortalAccessFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokePortalAccess($clientId: ID!) {\n    revokePortalAccess(clientId: $clientId) {\n      ...PortalAccessFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferClient($input: TransferClientInput!) {\n    transferClient(input: $input) {\n      clientId\n      therapistId\n    }\n  }\n"): (typeof documents)["\n  mutation TransferClient($input: TransferClientInput!) {\n    transferClient(input: $input) {\n      clientId\n      therapistId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScoreSummaryFields on ScoreSummary {\n    instrumentCode\n    baseline\n    latest\n    latestAt\n    change\n    changeClass\n    band\n    isCase\n    points {\n      at\n      sessionNumber\n      total\n    }\n  }\n"): (typeof documents)["\n  fragment ScoreSummaryFields on ScoreSummary {\n    instrumentCode\n    baseline\n    latest\n    latestAt\n    change\n    changeClass\n    band\n    isCase\n    points {\n      at\n      sessionNumber\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeasureResponseFields on MeasureResponse {\n    id\n    instrumentCode\n    answers\n    total\n    band\n    submittedAt\n    sessionId\n    sessionNumber\n    comment\n    helpNow\n  }\n"): (typeof documents)["\n  fragment MeasureResponseFields on MeasureResponse {\n    id\n    instrumentCode\n    answers\n    total\n    band\n    submittedAt\n    sessionId\n    sessionNumber\n    comment\n    helpNow\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MoodEntryFields on MoodEntry {\n    id\n    localDate\n    rating\n    note\n    helpNow\n  }\n"): (typeof documents)["\n  fragment MoodEntryFields on MoodEntry {\n    id\n    localDate\n    rating\n    note\n    helpNow\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HomeworkAssignmentFields on HomeworkAssignment {\n    id\n    title\n    instructions\n    frequency\n    assignedOn\n    dueOn\n    reports {\n      id\n      assignmentId\n      localDate\n      status\n      effort\n      helpfulness\n      note\n    }\n  }\n"): (typeof documents)["\n  fragment HomeworkAssignmentFields on HomeworkAssignment {\n    id\n    title\n    instructions\n    frequency\n    assignedOn\n    dueOn\n    reports {\n      id\n      assignmentId\n      localDate\n      status\n      effort\n      helpfulness\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GoalFields on Goal {\n    id\n    title\n    status\n    ratings {\n      id\n      rating\n      ratedAt\n    }\n  }\n"): (typeof documents)["\n  fragment GoalFields on Goal {\n    id\n    title\n    status\n    ratings {\n      id\n      rating\n      ratedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CrisisFields on CrisisResources {\n    message\n    lines {\n      name\n      phone\n      text\n      url\n      description\n    }\n  }\n"): (typeof documents)["\n  fragment CrisisFields on CrisisResources {\n    message\n    lines {\n      name\n      phone\n      text\n      url\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlagFields on Flag {\n    id\n    clientId\n    clientCode\n    kind\n    severity\n    status\n    description\n    evidence\n    ruleVersion\n    openedAt\n    acknowledgedAt\n    acknowledgedByName\n    acknowledgeNote\n    resolvedAt\n    resolvedByName\n    resolveNote\n    clearedAt\n    clearReason\n    repaired\n    repairObserved\n  }\n"): (typeof documents)["\n  fragment FlagFields on Flag {\n    id\n    clientId\n    clientCode\n    kind\n    severity\n    status\n    description\n    evidence\n    ruleVersion\n    openedAt\n    acknowledgedAt\n    acknowledgedByName\n    acknowledgeNote\n    resolvedAt\n    resolvedByName\n    resolveNote\n    clearedAt\n    clearReason\n    repaired\n    repairObserved\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Flags($status: FlagStatus) {\n    flags(status: $status) {\n      ...FlagFields\n    }\n  }\n"): (typeof documents)["\n  query Flags($status: FlagStatus) {\n    flags(status: $status) {\n      ...FlagFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeFlag($id: ID!, $note: String!) {\n    acknowledgeFlag(id: $id, note: $note) {\n      ...FlagFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeFlag($id: ID!, $note: String!) {\n    acknowledgeFlag(id: $id, note: $note) {\n      ...FlagFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveFlag($id: ID!, $note: String!) {\n    resolveFlag(id: $id, note: $note) {\n      ...FlagFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveFlag($id: ID!, $note: String!) {\n    resolveFlag(id: $id, note: $note) {\n      ...FlagFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Portal {\n    portal {\n      clientId\n      code\n      timezone\n      today\n      todayMood {\n        ...MoodEntryFields\n      }\n      pendingQuestionnaires\n      homework {\n        ...HomeworkAssignmentFields\n      }\n      goals {\n        ...GoalFields\n      }\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      alliance {\n        ...MeasureResponseFields\n      }\n      moods {\n        ...MoodEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Portal {\n    portal {\n      clientId\n      code\n      timezone\n      today\n      todayMood {\n        ...MoodEntryFields\n      }\n      pendingQuestionnaires\n      homework {\n        ...HomeworkAssignmentFields\n      }\n      goals {\n        ...GoalFields\n      }\n      phq9 {\n        ...ScoreSummaryFields\n      }\n      gad7 {\n        ...ScoreSummaryFields\n      }\n      alliance {\n        ...MeasureResponseFields\n      }\n      moods {\n        ...MoodEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Instruments {\n    instruments {\n      code\n      version\n      title\n      prompt\n      options {\n        value\n        label\n      }\n      items {\n        id\n        text\n        min\n        max\n        minLabel\n        maxLabel\n      }\n    }\n  }\n"): (typeof documents)["\n  query Instruments {\n    instruments {\n      code\n      version\n      title\n      prompt\n      options {\n        value\n        label\n      }\n      items {\n        id\n        text\n        min\n        max\n        minLabel\n        maxLabel\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogMood($input: LogMoodInput!) {\n    logMood(input: $input) {\n      entry {\n        ...MoodEntryFields\n      }\n      replacedPrevious\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogMood($input: LogMoodInput!) {\n    logMood(input: $input) {\n      entry {\n        ...MoodEntryFields\n      }\n      replacedPrevious\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportHomework($input: ReportHomeworkInput!) {\n    reportHomework(input: $input) {\n      id\n      assignmentId\n      localDate\n      status\n      effort\n      helpfulness\n      note\n    }\n  }\n"): (typeof documents)["\n  mutation ReportHomework($input: ReportHomeworkInput!) {\n    reportHomework(input: $input) {\n      id\n      assignmentId\n      localDate\n      status\n      effort\n      helpfulness\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitQuestionnaire($input: SubmitQuestionnaireInput!) {\n    submitQuestionnaire(input: $input) {\n      response {\n        ...MeasureResponseFields\n      }\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitQuestionnaire($input: SubmitQuestionnaireInput!) {\n    submitQuestionnaire(input: $input) {\n      response {\n        ...MeasureResponseFields\n      }\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateGoal($input: RateGoalInput!) {\n    rateGoal(input: $input) {\n      id\n      rating\n      ratedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RateGoal($input: RateGoalInput!) {\n    rateGoal(input: $input) {\n      id\n      rating\n      ratedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingLink($token: String!) {\n    ratingLink(token: $token) {\n      therapistFirstName\n      sessionDate\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query RatingLink($token: String!) {\n    ratingLink(token: $token) {\n      therapistFirstName\n      sessionDate\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAllianceRating($input: SubmitAllianceRatingInput!) {\n    submitAllianceRating(input: $input) {\n      response {\n        id\n        total\n        submittedAt\n      }\n      notRecordedReason\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitAllianceRating($input: SubmitAllianceRatingInput!) {\n    submitAllianceRating(input: $input) {\n      response {\n        id\n        total\n        submittedAt\n      }\n      notRecordedReason\n      crisis {\n        ...CrisisFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) {\n      id\n      format\n      dataset\n      from\n      to\n      identifiable\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) {\n      id\n      format\n      dataset\n      from\n      to\n      identifiable\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportProgress($id: ID!) {\n    exportProgress(id: $id) {\n      id\n      status\n      rowsWritten\n    }\n  }\n"): (typeof documents)["\n  query ExportProgress($id: ID!) {\n    exportProgress(id: $id) {\n      id\n      status\n      rowsWritten\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RateFields on Rate {\n    numerator\n    denominator\n    rate\n    lower\n    upper\n  }\n"): (typeof documents)["\n  fragment RateFields on Rate {\n    numerator\n    denominator\n    rate\n    lower\n    upper\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutcomeFiguresFields on OutcomeFigures {\n    referrals\n    episodesEnded\n    finishedCourses\n    finishedEpisodes\n    atCaseness\n    instrument\n    changeEpisodes\n    allianceRatings\n    homeworkEpisodes\n    recovery {\n      ...RateFields\n    }\n    reliableImprovement {\n      ...RateFields\n    }\n    reliableRecovery {\n      ...RateFields\n    }\n    reliableDeterioration {\n      ...RateFields\n    }\n    phq9Response {\n      ...RateFields\n    }\n    phq9Remission {\n      ...RateFields\n    }\n    dataCompleteness {\n      ...RateFields\n    }\n    allianceRated {\n      ...RateFields\n    }\n    meanChange\n    effectSize\n    meanAttendedSessions\n    allianceMean\n    homeworkAdherence\n    moodAdherence\n  }\n"): (typeof documents)["\n  fragment OutcomeFiguresFields on OutcomeFigures {\n    referrals\n    episodesEnded\n    finishedCourses\n    finishedEpisodes\n    atCaseness\n    instrument\n    changeEpisodes\n    allianceRatings\n    homeworkEpisodes\n    recovery {\n      ...RateFields\n    }\n    reliableImprovement {\n      ...RateFields\n    }\n    reliableRecovery {\n      ...RateFields\n    }\n    reliableDeterioration {\n      ...RateFields\n    }\n    phq9Response {\n      ...RateFields\n    }\n    phq9Remission {\n      ...RateFields\n    }\n    dataCompleteness {\n      ...RateFields\n    }\n    allianceRated {\n      ...RateFields\n    }\n    meanChange\n    effectSize\n    meanAttendedSessions\n    allianceMean\n    homeworkAdherence\n    moodAdherence\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PracticeReport($input: PracticeReportInput!) {\n    practiceReport(input: $input) {\n      from\n      to\n      practice {\n        ...OutcomeFiguresFields\n      }\n      therapists {\n        therapistId\n        therapistName\n        insufficientData\n        figures {\n          ...OutcomeFiguresFields\n        }\n      }\n      funnel {\n        practiceRate\n        points {\n          therapistId\n          n\n          rate\n        }\n        limits {\n          n\n          lower95\n          upper95\n          lower998\n          upper998\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PracticeReport($input: PracticeReportInput!) {\n    practiceReport(input: $input) {\n      from\n      to\n      practice {\n        ...OutcomeFiguresFields\n      }\n      therapists {\n        therapistId\n        therapistName\n        insufficientData\n        figures {\n          ...OutcomeFiguresFields\n        }\n      }\n      funnel {\n        practiceRate\n        points {\n          therapistId\n          n\n          rate\n        }\n        limits {\n          n\n          lower95\n          upper95\n          lower998\n          upper998\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PracticeSettingsFields on PracticeSettings {\n    name\n    defaultTimeZone\n    crisisRegion\n    flagThresholds {\n      key\n      value\n      defaultValue\n    }\n  }\n"): (typeof documents)["\n  fragment PracticeSettingsFields on PracticeSettings {\n    name\n    defaultTimeZone\n    crisisRegion\n    flagThresholds {\n      key\n      value\n      defaultValue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PracticeSettingsPage {\n    practiceSettings {\n      ...PracticeSettingsFields\n    }\n    timeZones\n  }\n"): (typeof documents)["\n  query PracticeSettingsPage {\n    practiceSettings {\n      ...PracticeSettingsFields\n    }\n    timeZones\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePracticeSettings($input: UpdatePracticeSettingsInput!) {\n    updatePracticeSettings(input: $input) {\n      ...PracticeSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePracticeSettings($input: UpdatePracticeSettingsInput!) {\n    updatePracticeSettings(input: $input) {\n      ...PracticeSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffMemberFields on StaffMember {\n    id\n    email\n    displayName\n    role\n    status\n    invitationExpiresAt\n    activeClients\n  }\n"): (typeof documents)["\n  fragment StaffMemberFields on StaffMember {\n    id\n    email\n    displayName\n    role\n    status\n    invitationExpiresAt\n    activeClients\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Staff {\n    staff {\n      ...StaffMemberFields\n    }\n  }\n"): (typeof documents)["\n  query Staff {\n    staff {\n      ...StaffMemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      ...StaffMemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      ...StaffMemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...StaffMemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($userId: ID!) {\n    resendInvitation(userId: $userId) {\n      ...StaffMemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId) {\n      ...StaffMemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($userId: ID!) {\n    revokeInvitation(userId: $userId) {\n      ...StaffMemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      ...StaffMemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      ...StaffMemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutboxFailures {\n    outboxFailures(take: 50) {\n      id\n      kind\n      recipientHint\n      reason\n      attempts\n      createdAt\n      failedAt\n    }\n  }\n"): (typeof documents)["\n  query OutboxFailures {\n    outboxFailures(take: 50) {\n      id\n      kind\n      recipientHint\n      reason\n      attempts\n      createdAt\n      failedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Therapists {\n    therapists {\n      id\n      displayName\n      activeClients\n      flaggedClients\n    }\n  }\n"): (typeof documents)["\n  query Therapists {\n    therapists {\n      id\n      displayName\n      activeClients\n      flaggedClients\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;