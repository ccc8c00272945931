import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@nangsuat/projections';
import { ApplyCertificationController } from './apply-certification/apply-certification.controller';
import { ApplyCertificationHandler } from './apply-certification/apply-certification.handler';
import { AssessCertificationController } from './assess-certification/assess-certification.controller';
import { AssessCertificationHandler } from './assess-certification/assess-certification.handler';
import { CertificationStandardsController } from './certification-standards/certification-standards.controller';
import { CertificationCommands } from './certifications/certification-commands';
import { certificationProjection } from './certifications/certification-view';
import { CertificationExpiryJob } from './expire-certification/certification-expiry.job';
import { ExpireCertificationController } from './expire-certification/expire-certification.controller';
import { ExpireCertificationHandler } from './expire-certification/expire-certification.handler';
import { GetCertificationController } from './get-certification/get-certification.controller';
import { GetCertificationHandler } from './get-certification/get-certification.handler';
import { GrantCertificationController } from './grant-certification/grant-certification.controller';
import { GrantCertificationHandler } from './grant-certification/grant-certification.handler';
import { ListCertificationsController } from './list-certifications/list-certifications.controller';
import { ListCertificationsHandler } from './list-certifications/list-certifications.handler';
import { RenewCertificationController } from './renew-certification/renew-certification.controller';
import { RenewCertificationHandler } from './renew-certification/renew-certification.handler';
import { RevokeCertificationController } from './revoke-certification/revoke-certification.controller';
import { RevokeCertificationHandler } from './revoke-certification/revoke-certification.handler';
import { CancelCourseController } from './cancel-course/cancel-course.controller';
import { CancelCourseHandler } from './cancel-course/cancel-course.handler';
import { CancelRegistrationController } from './cancel-registration/cancel-registration.controller';
import { CancelRegistrationHandler } from './cancel-registration/cancel-registration.handler';
import { CompleteTraineeController } from './complete-trainee/complete-trainee.controller';
import { CompleteTraineeHandler } from './complete-trainee/complete-trainee.handler';
import { CourseCommands } from './courses/course-commands';
import { CourseLoader } from './courses/course-loader';
import { courseProjection } from './courses/course-view';
import { ExportCertificationsController } from './export-certifications/export-certifications.controller';
import { ExportCoursesController } from './export-courses/export-courses.controller';
import { GetCourseController } from './get-course/get-course.controller';
import { GetCourseHandler } from './get-course/get-course.handler';
import { ListCoursesController } from './list-courses/list-courses.controller';
import { ListCoursesHandler } from './list-courses/list-courses.handler';
import { PersonTimesController } from './person-times/person-times.controller';
import { PersonTimesHandler } from './person-times/person-times.handler';
import { RecordAttendanceController } from './record-attendance/record-attendance.controller';
import { RecordAttendanceHandler } from './record-attendance/record-attendance.handler';
import { RegisterTraineeController } from './register-trainee/register-trainee.controller';
import { RegisterTraineeHandler } from './register-trainee/register-trainee.handler';
import { ScheduleCourseController } from './schedule-course/schedule-course.controller';
import { ScheduleCourseHandler } from './schedule-course/schedule-course.handler';

import { AttachmentsModule, RecordAttachments } from '@nangsuat/attachments';
import { CertificationAttachmentsController } from './certification-attachments/certification-attachments.controller';
import { CertificationAttachmentsHandler } from './certification-attachments/certification-attachments.handler';
import { ExportTraineesController } from './export-trainees/export-trainees.controller';

/** The training bounded context: one folder per use case (command or query) beside this module. */
@Module({
  imports: [ProjectionsModule.forContext('training', [courseProjection, certificationProjection]), AttachmentsModule],
  controllers: [
    // list and person-times before :id routes
    ListCoursesController,
    ExportCoursesController,
    PersonTimesController,
    ScheduleCourseController,
    ExportTraineesController,
    GetCourseController,
    RegisterTraineeController,
    CancelRegistrationController,
    RecordAttendanceController,
    CompleteTraineeController,
    CancelCourseController,
    CertificationStandardsController,
    ListCertificationsController,
    // Before /certifications/:id.
    ExportCertificationsController,
    ApplyCertificationController,
    GetCertificationController,
    AssessCertificationController,
    GrantCertificationController,
    RenewCertificationController,
    RevokeCertificationController,
    ExpireCertificationController,
    CertificationAttachmentsController,
  ],
  providers: [
    CertificationAttachmentsHandler,
    RecordAttachments,
    CourseLoader,
    CourseCommands,
    ScheduleCourseHandler,
    ListCoursesHandler,
    GetCourseHandler,
    RegisterTraineeHandler,
    CancelRegistrationHandler,
    RecordAttendanceHandler,
    CompleteTraineeHandler,
    CancelCourseHandler,
    PersonTimesHandler,
    CertificationCommands,
    ApplyCertificationHandler,
    AssessCertificationHandler,
    GrantCertificationHandler,
    RenewCertificationHandler,
    RevokeCertificationHandler,
    ExpireCertificationHandler,
    CertificationExpiryJob,
    ListCertificationsHandler,
    GetCertificationHandler,
  ],
})
export class TrainingModule {}
