import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@nangsuat/projections';
import { TrainingClock } from './common/clock';
import { CommandRunner } from './common/command-runner';
import { CancelCourseController } from './cancel-course/cancel-course.controller';
import { CancelCourseHandler } from './cancel-course/cancel-course.handler';
import { CancelRegistrationController } from './cancel-registration/cancel-registration.controller';
import { CancelRegistrationHandler } from './cancel-registration/cancel-registration.handler';
import { CompleteTraineeController } from './complete-trainee/complete-trainee.controller';
import { CompleteTraineeHandler } from './complete-trainee/complete-trainee.handler';
import { CourseCommands } from './courses/course-commands';
import { CourseLoader } from './courses/course-loader';
import { courseProjection } from './courses/course-view';
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

/** The training bounded context: one folder per use case (command or query) beside this module. */
@Module({
  imports: [ProjectionsModule.forContext('training', [courseProjection])],
  controllers: [
    // list and person-times before :id routes
    ListCoursesController,
    PersonTimesController,
    ScheduleCourseController,
    GetCourseController,
    RegisterTraineeController,
    CancelRegistrationController,
    RecordAttendanceController,
    CompleteTraineeController,
    CancelCourseController,
  ],
  providers: [
    TrainingClock,
    CommandRunner,
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
  ],
})
export class TrainingModule {}
